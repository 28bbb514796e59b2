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
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON_2 =
            new com.fasterxml.jackson.databind.ObjectMapper();

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

    // The two Jackson 2 forms below only bridge the dashboard's remaining Jackson 2 code
    // (OfficesController, DirectoryService) by way of JSON text; remove them once it uses Jackson 3.

    /**
     * {@link #encodeArray} as a Jackson 2 tree.
     *
     * @deprecated for the dashboard's Jackson 2 code only; use {@link #encodeArray}
     */
    @Deprecated(forRemoval = true)
    public static com.fasterxml.jackson.databind.node.ArrayNode encodeList(List<? extends SpecificRecord> records) {
        try {
            return (com.fasterxml.jackson.databind.node.ArrayNode) JACKSON_2.readTree(encodeArray(records).toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hand over the JSON of " + records.size() + " records", e);
        }
    }

    /**
     * {@link #decode(JsonNode, Class)} of a Jackson 2 tree.
     *
     * @deprecated for the dashboard's Jackson 2 code only; use {@link #decode(JsonNode, Class)}
     */
    @Deprecated(forRemoval = true)
    public static <T extends SpecificRecord> T decode(com.fasterxml.jackson.databind.JsonNode node, Class<T> type) {
        return decode(node == null ? null : JsonAvroCodec.MAPPER.readTree(node.toString()), type);
    }

    private static <T extends SpecificRecord> T decode(JsonNode node, Class<T> type, String path) {
        Schema schema = SpecificData.get().getSchema(type);
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(type.getName() + " is not a generated record class");
        }
        return type.cast(CODEC.readRecord(schema, node, path));
    }
}
