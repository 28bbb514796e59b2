package pl.okienko.schemas.serde;

import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class in Avro's single-object encoding (2-byte marker,
 * 8-byte fingerprint of the writer schema, binary body). Decoding resolves any released version
 * of the schema through {@link SchemaCatalog}, so old records stay readable after an evolution.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /**
     * The largest record this serde writes: under the 1 MB that brokers and producers accept by default,
     * with room for the key and headers. A state value that grows past it (say, a queue holding tens of
     * thousands of clients) cannot be stored; the topology dead-letters the event that grew it instead.
     */
    public static final int MAX_RECORD_BYTES = 900 * 1024;

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        // The generated classes' own encoders (Avro's "custom coders") write the same bytes as its generic
        // writer at a fraction of the cost: state is encoded at every write of every event. Classes with
        // logical types have none and keep the generic writer.
        model.setCustomCoders(true);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, SchemaCatalog.instance().storeWith(schema));
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        byte[] bytes;
        try {
            ByteBuffer buffer = encoder.encode(value);
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (Exception e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_RECORD_BYTES) {
            // Refused here, where the caller can skip the one event that grew it, rather than by the producer
            // inside an exactly-once transaction, which would then abort and replay that event for ever.
            throw new SerializationException(type.getSimpleName() + " of " + bytes.length + " bytes is larger than "
                    + MAX_RECORD_BYTES + " bytes, the most one record (a state value, an alert) may hold");
        }
        return bytes;
    }

    /**
     * Decodes one record.
     *
     * @throws SerializationException with a reason a person can act on (unknown schema, not
     *     single-object encoded, truncated body)
     */
    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (org.apache.avro.message.MissingSchemaException e) {
            throw new SerializationException("unknown writer schema for " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (org.apache.avro.message.BadHeaderException e) {
            throw new SerializationException("not an Avro single-object encoded " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + ": " + e, e);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return toBytes(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return fromBytes(data);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schema comes from the generated class
    }

    @Override
    public void close() {
        // stateless
    }
}
