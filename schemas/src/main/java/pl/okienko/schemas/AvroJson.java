package pl.okienko.schemas;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON form of records that are not events (directory {@code Office}, {@code Policy} of the
 * rule thresholds, {@code Alert}): nested JSON objects ↔ generated records by their schema,
 * with the same strict validation as {@link EventJson} (unknown fields rejected, instants with
 * offset, enums by symbol). Used by the admin API to load the directory and policies from a file,
 * and by the alerts API.
 */
public final class AvroJson {

    private static final JsonAvroCodec CODEC = new JsonAvroCodec(InvalidRecordException::new);

    private AvroJson() {
    }

    /**
     * Decodes one record of the given generated class from JSON text.
     *
     * @throws InvalidRecordException if the text is not JSON or does not match the schema
     */
    public static <T extends SpecificRecord> T decode(String json, Class<T> type) {
        return decode(CODEC.parse(json), type);
    }

    /**
     * Decodes one record of the given generated class from a JSON object.
     *
     * @throws InvalidRecordException naming the field path and the problem
     */
    public static <T extends SpecificRecord> T decode(JsonNode node, Class<T> type) {
        return decode(node, type, "");
    }

    /**
     * Decodes a JSON array of records of the given class; messages name the element, e.g.
     * {@code missing field "[2].officeId"}.
     *
     * @throws InvalidRecordException if the node is not an array or an element does not match
     */
    public static <T extends SpecificRecord> List<T> decodeList(JsonNode node, Class<T> type) {
        if (node == null || !node.isArray()) {
            throw new InvalidRecordException("expected a JSON array of " + type.getSimpleName()
                    + ", was " + JsonAvroCodec.describe(node));
        }
        List<T> records = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            records.add(decode(node.get(i), type, "[" + i + "]"));
        }
        return records;
    }

    /** Decodes a JSON array of records of the given class from JSON text. */
    public static <T extends SpecificRecord> List<T> decodeList(String json, Class<T> type) {
        return decodeList(CODEC.parse(json), type);
    }

    /** Encodes a record as a nested JSON object, instants in UTC. */
    public static ObjectNode encode(SpecificRecord record) {
        return CODEC.writeRecord(record);
    }

    /** Encodes records as a JSON array. */
    public static ArrayNode encodeArray(List<? extends SpecificRecord> records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(record -> array.add(encode(record)));
        return array;
    }

    /** Encodes a record as compact JSON text. */
    public static String encodeToString(SpecificRecord record) {
        return JsonAvroCodec.MAPPER.writeValueAsString(encode(record));
    }

    private static <T extends SpecificRecord> T decode(JsonNode node, Class<T> type, String path) {
        Schema schema = SpecificData.get().getSchema(type);
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(type.getName() + " is not a generated record class");
        }
        return type.cast(CODEC.readRecord(schema, node, path));
    }
}
