package pl.okienko.dashboard.platform.kafka;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

import pl.okienko.schemas.serde.AvroSerde;

/**
 * A {@link StoreAnswer} as one instance sends it to another: each value as the Avro single-object
 * encoding of its state class (the bytes the store itself keeps), with the class's name.
 *
 * @param entries the keys and encoded values
 * @param copies which copy of each partition answered
 */
public record StoreAnswerWire(List<Entry> entries, List<StoreAnswer.Copy> copies) {

    /** Only our own Avro state classes travel: a peer's answer never names an arbitrary class to load. */
    private static final String OUR_PACKAGES = "pl.okienko.";

    /**
     * @param key the store key
     * @param type the value's Avro class
     * @param value its single-object encoding (base64 in JSON)
     */
    public record Entry(String key, String type, byte[] value) {
    }

    static StoreAnswerWire of(StoreAnswer<?> answer) {
        List<Entry> entries = answer.entries().stream().map(StoreAnswerWire::encode).toList();
        return new StoreAnswerWire(entries, answer.copies());
    }

    @SuppressWarnings("unchecked")
    <V> StoreAnswer<V> decode() {
        List<KeyValue<String, V>> decoded = entries.stream()
                .map(entry -> KeyValue.pair(entry.key(), (V) serde(entry.type()).fromBytes(entry.value())))
                .toList();
        return new StoreAnswer<>(decoded, copies);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Entry encode(KeyValue<String, ?> entry) {
        if (!(entry.value instanceof SpecificRecord record)) {
            throw new IllegalArgumentException("store value of " + entry.value.getClass()
                    + " cannot be sent to another instance: only Avro state records can");
        }
        AvroSerde serde = AvroSerde.of(record.getClass());
        return new Entry(entry.key, record.getClass().getName(), serde.toBytes(record));
    }

    private static AvroSerde<? extends SpecificRecord> serde(String type) {
        if (type == null || !type.startsWith(OUR_PACKAGES)) {
            throw new IllegalArgumentException("a store value of type " + type + " is not one of Okienko's state records");
        }
        try {
            Class<?> found = Class.forName(type, false, StoreAnswerWire.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(found)) {
                throw new IllegalArgumentException(type + " is not an Avro record");
            }
            return AvroSerde.of(found.asSubclass(SpecificRecord.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown store value type " + type
                    + " (an instance of another Okienko version?)", e);
        }
    }
}
