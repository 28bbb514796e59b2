package pl.okienko.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import pl.okienko.schemas.serde.SchemaCatalog;

/**
 * The schema-driven core shared by {@link EventJson} and {@link AvroJson}: JSON values ↔ Avro
 * values of the generated classes, with one validation message per problem. Field properties
 * {@code minimum} and {@code maximum} bound the integers under a field (e.g. incident level 1–4).
 */
final class JsonAvroCodec {

    /**
     * The limits an integrator's text meets before any field is read. Nesting depth and text length
     * are Jackson 2's defaults, which this decoder was built and tested with (Jackson 3 allows half
     * the depth and five times the text).
     */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(1000)
            .maxStringLength(20_000_000)
            .build();

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** RFC 3339 date-time, strictly: four-digit year, upper-case T and Z, offset as +HH:MM. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String INSTANT_EXAMPLE = "e.g. 2026-11-21T08:00:00+01:00 or 2026-11-21T07:00:00Z";

    static {
        // Creating generated records by schema name needs the project's packages trusted (Avro 1.12).
        SchemaCatalog.instance();
    }

    private final Function<String, ? extends InvalidRecordException> errors;

    JsonAvroCodec(Function<String, ? extends InvalidRecordException> errors) {
        this.errors = errors;
    }

    InvalidRecordException error(String message) {
        return errors.apply(message);
    }

    /** Parses one JSON document, turning Jackson's complaint into the codec's exception. */
    JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw error("empty input: expected a JSON object");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw errors.apply("not valid JSON: " + e.getOriginalMessage() + locationOf(e));
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    ObjectNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw error(what + " must be a JSON object, was " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** Rejects any JSON field not in {@code allowed}: an integrator's typo must not pass silently. */
    void rejectUnknown(ObjectNode json, Collection<String> allowed, String prefix, String context) {
        for (String name : json.propertyNames()) {
            if (!allowed.contains(name)) {
                String hint = Suggest.closest(name, allowed)
                        .map(s -> "did you mean \"" + s + "\"? ")
                        .orElse("");
                throw error("unknown field \"" + prefix + name + "\"" + (context.isEmpty() ? "" : " for " + context)
                        + " (" + hint + "allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** Decodes a nested JSON object into a new record of {@code schema}, rejecting unknown fields. */
    IndexedRecord readRecord(Schema schema, JsonNode node, String path) {
        ObjectNode json = (ObjectNode) expect(node != null && node.isObject(), node, path, "a JSON object");
        String prefix = path.isEmpty() ? "" : path + ".";
        rejectUnknown(json, fieldNames(schema), prefix, "");
        IndexedRecord record = newRecord(schema);
        readFields(record, schema, json, prefix, List.of());
        return record;
    }

    static IndexedRecord newRecord(Schema schema) {
        return (IndexedRecord) modelOf(schema).newRecord(null, schema);
    }

    static SpecificData modelOf(Schema recordSchema) {
        return SpecificData.getForSchema(recordSchema);
    }

    static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).collect(Collectors.toList());
    }

    /** Fills every field of {@code schema} from the same-named JSON fields; other JSON fields are ignored here. */
    void readFields(IndexedRecord record, Schema schema, ObjectNode json, String prefix, Collection<String> skip) {
        SpecificData model = modelOf(schema);
        for (Schema.Field field : schema.getFields()) {
            if (skip.contains(field.name())) {
                continue;
            }
            record.put(field.pos(), readField(field, json.get(field.name()), prefix + field.name(), model));
        }
    }

    private Object readField(Schema.Field field, JsonNode node, String path, SpecificData model) {
        if (node == null) {
            if (field.hasDefaultValue()) {
                return model.deepCopy(field.schema(), model.getDefaultValue(field));
            }
            if (isNullable(field.schema())) {
                return null;
            }
            throw error("missing field \"" + path + "\"");
        }
        if (node.isNull() && !isNullable(field.schema())) {
            throw error("field \"" + path + "\" must not be null");
        }
        Bounds bounds = Bounds.of(field);
        Object value = read(field.schema(), node, path, model, bounds);
        // Required text (ids, numbers, names) is never meaningful blank; optional text is null instead.
        if (field.schema().getType() == Schema.Type.STRING && ((String) value).isBlank()) {
            throw error("field \"" + path + "\" must not be blank");
        }
        return value;
    }

    private Object read(Schema schema, JsonNode node, String path, SpecificData model, Bounds bounds) {
        switch (schema.getType()) {
            case NULL:
                if (!node.isNull()) {
                    throw error(subject(path) + " must be null");
                }
                return null;
            case UNION:
                return readUnion(schema, node, path, model, bounds);
            case RECORD:
                return readRecord(schema, node, path);
            case ENUM:
                return readEnum(schema, node, path, model);
            case ARRAY: {
                expect(node.isArray(), node, path, "an array");
                List<Object> list = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    list.add(readElement(schema.getElementType(), node.get(i), path + "[" + i + "]", model, bounds));
                }
                return list;
            }
            case MAP: {
                expect(node.isObject(), node, path, "a JSON object");
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    map.put(entry.getKey(), readElement(schema.getValueType(), entry.getValue(),
                            path + "." + entry.getKey(), model, bounds));
                }
                return map;
            }
            default:
                return readScalar(schema, node, path, model, bounds);
        }
    }

    private Object readElement(Schema schema, JsonNode node, String path, SpecificData model, Bounds bounds) {
        if (node.isNull() && !isNullable(schema)) {
            throw error(subject(path) + " must not be null");
        }
        return read(schema, node, path, model, bounds);
    }

    private Object readUnion(Schema union, JsonNode node, String path, SpecificData model, Bounds bounds) {
        if (node.isNull()) {
            if (!isNullable(union)) {
                throw error(subject(path) + " must not be null");
            }
            return null;
        }
        List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
            return read(branches.get(0), node, path, model, bounds);
        }
        for (Schema branch : branches) {
            try {
                return read(branch, node, path, model, bounds);
            } catch (InvalidRecordException notThisBranch) {
                // try the next branch
            }
        }
        throw error(subject(path) + " matches none of " + branches.stream().map(JsonAvroCodec::typeName)
                .collect(Collectors.joining(", ")));
    }

    private Object readEnum(Schema schema, JsonNode node, String path, SpecificData model) {
        List<String> symbols = schema.getEnumSymbols();
        if (!node.isString()) {
            throw error(subject(path) + " must be a string, one of: " + String.join(", ", symbols));
        }
        String symbol = node.stringValue();
        if (!schema.hasEnumSymbol(symbol)) {
            String hint = Suggest.closest(symbol, symbols).map(s -> "did you mean \"" + s + "\"? ").orElse("");
            throw error("unknown value \"" + symbol + "\" for \"" + path + "\" (" + hint + "allowed: "
                    + String.join(", ", symbols) + ")");
        }
        return model.createEnum(symbol, schema);
    }

    private Object readScalar(Schema schema, JsonNode node, String path, SpecificData model, Bounds bounds) {
        LogicalType logical = schema.getLogicalType();
        Object raw;
        if (logical != null && isTimestamp(logical)) {
            raw = readInstant(logical, node, path);
        } else if (logical != null && "date".equals(logical.getName())) {
            raw = readDate(node, path);
        } else {
            raw = readPlain(schema, node, path, bounds);
        }
        if (logical != null) {
            Conversion<?> conversion = model.getConversionFor(logical);
            if (conversion != null) {
                return Conversions.convertToLogicalType(raw, schema, logical, conversion);
            }
        }
        return raw;
    }

    private Object readPlain(Schema schema, JsonNode node, String path, Bounds bounds) {
        return switch (schema.getType()) {
            case STRING -> expect(node.isString(), node, path, "a string").stringValue();
            case BOOLEAN -> expect(node.isBoolean(), node, path, "true or false").booleanValue();
            case INT -> {
                expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "an integer");
                bounds.check(node.longValue(), path, this);
                yield node.intValue();
            }
            case LONG -> {
                expect(node.isIntegralNumber() && node.canConvertToLong(), node, path, "an integer");
                bounds.check(node.longValue(), path, this);
                yield node.longValue();
            }
            case FLOAT -> expect(node.isNumber(), node, path, "a number").floatValue();
            case DOUBLE -> expect(node.isNumber(), node, path, "a number").doubleValue();
            case BYTES, FIXED -> readBytes(schema, expect(node.isString(), node, path, "a base64 string"), path);
            default -> throw error(subject(path) + " has an unsupported type " + schema.getType());
        };
    }

    /** The node itself when it {@code matches}, else the error that the field must be {@code what}. */
    private JsonNode expect(boolean matches, JsonNode node, String path, String what) {
        if (!matches) {
            throw error(subject(path) + " must be " + what + ", was " + describe(node));
        }
        return node;
    }

    private Object readBytes(Schema schema, JsonNode node, String path) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw error(subject(path) + " must be a base64 string: " + e.getMessage());
        }
        if (schema.getType() == Schema.Type.BYTES) {
            return ByteBuffer.wrap(bytes);
        }
        if (bytes.length != schema.getFixedSize()) {
            throw error(subject(path) + " must be " + schema.getFixedSize() + " bytes, was " + bytes.length);
        }
        return new GenericData.Fixed(schema, bytes);
    }

    private long readInstant(LogicalType logical, JsonNode node, String path) {
        String bad = "field \"" + path + "\" is not an RFC 3339 instant with offset: ";
        if (!node.isString()) {
            throw error(bad + describe(node) + " (" + INSTANT_EXAMPLE + ")");
        }
        String text = node.stringValue();
        if (!RFC_3339.matcher(text).matches()) {
            if (isLocalDateTime(text)) {
                throw error(bad + quoted(text) + " has no offset, so the moment is ambiguous; add one ("
                        + INSTANT_EXAMPLE + ")");
            }
            throw error(bad + quoted(text) + " (" + INSTANT_EXAMPLE + "; upper-case T and Z, offset as +HH:MM)");
        }
        if (text.endsWith("-00:00")) {
            throw error(bad + "\"" + text + "\" has the offset -00:00, which RFC 3339 reserves for an unknown local time; "
                    + "send Z or the real offset");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw error(bad + "\"" + text + "\" is not a real date and time (" + INSTANT_EXAMPLE + ")");
        }
        EventContract.checkInstant(path, instant).ifPresent(message -> {
            throw error(message);
        });
        if ("timestamp-micros".equals(logical.getName())) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        }
        return instant.toEpochMilli();
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private int readDate(JsonNode node, String path) {
        try {
            if (node.isString() && ISO_DATE.matcher(node.stringValue()).matches()) {
                return (int) LocalDate.parse(node.stringValue()).toEpochDay();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw error(subject(path) + " is not an ISO-8601 date (e.g. 2026-11-21): " + describe(node));
    }

    // ---- encoding ----

    /** Writes every field of a record into {@code out}, in schema order. */
    void writeFields(ObjectNode out, IndexedRecord record, Schema schema, Collection<String> skip) {
        SpecificData model = modelOf(schema);
        for (Schema.Field field : schema.getFields()) {
            if (!skip.contains(field.name())) {
                out.set(field.name(), write(field.schema(), record.get(field.pos()), model));
            }
        }
    }

    ObjectNode writeRecord(IndexedRecord record) {
        ObjectNode out = NODES.objectNode();
        writeFields(out, record, record.getSchema(), List.of());
        return out;
    }

    JsonNode write(Schema schema, Object value, SpecificData model) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION: {
                List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
                Schema branch = branches.size() == 1 ? branches.get(0) : schema.getTypes().get(model.resolveUnion(schema, value));
                return write(branch, value, model);
            }
            case RECORD:
                return writeRecord((IndexedRecord) value);
            case ENUM:
                return NODES.stringNode(value instanceof Enum<?> e ? e.name() : value.toString());
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) value) {
                    array.add(write(schema.getElementType(), element, model));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), write(schema.getValueType(), entry.getValue(), model));
                }
                return object;
            }
            default:
                return writeScalar(schema, value);
        }
    }

    private JsonNode writeScalar(Schema schema, Object value) {
        LogicalType logical = schema.getLogicalType();
        if (value instanceof Instant instant) {
            return NODES.stringNode(instant.toString());
        }
        if (value instanceof LocalDate date) {
            return NODES.stringNode(date.toString());
        }
        if (logical != null && isTimestamp(logical) && value instanceof Long raw) {
            Instant instant = "timestamp-micros".equals(logical.getName())
                    ? Instant.EPOCH.plus(raw, ChronoUnit.MICROS) : Instant.ofEpochMilli(raw);
            return NODES.stringNode(instant.toString());
        }
        if (logical != null && "date".equals(logical.getName()) && value instanceof Integer days) {
            return NODES.stringNode(LocalDate.ofEpochDay(days).toString());
        }
        switch (schema.getType()) {
            case STRING:
                return NODES.stringNode(value.toString());
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case INT:
                return NODES.numberNode(((Number) value).intValue());
            case LONG:
                return NODES.numberNode(((Number) value).longValue());
            case FLOAT:
                return NODES.numberNode(((Number) value).floatValue());
            case DOUBLE:
                return NODES.numberNode(((Number) value).doubleValue());
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.stringNode(Base64.getEncoder().encodeToString(bytes));
            }
            case FIXED:
                return NODES.stringNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes()));
            default:
                throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
        }
    }

    // ---- helpers ----

    private static boolean isTimestamp(LogicalType logical) {
        return "timestamp-millis".equals(logical.getName()) || "timestamp-micros".equals(logical.getName());
    }

    static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static String subject(String path) {
        return path.isEmpty() ? "the value" : "field \"" + path + "\"";
    }

    private static String typeName(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                ? schema.getName() : schema.getType().getName();
    }

    /**
     * What kind of JSON value was sent instead, for messages. Never the value itself: it may be a phone
     * number or an address sent in the wrong field, and error answers and logs must not carry those.
     */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isBoolean()) {
            return "true or false";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    /** A text sent where an instant or date belongs, quoted if short (it is not personal there). */
    private static String quoted(String text) {
        return text.length() > 40 ? "a text of " + text.length() + " characters" : "\"" + text + "\"";
    }

    /** Inclusive integer bounds from the field properties {@code minimum} and {@code maximum}. */
    private record Bounds(Long min, Long max) {

        static final Bounds NONE = new Bounds(null, null);

        static Bounds of(Schema.Field field) {
            Long min = asLong(field.getObjectProp("minimum"));
            Long max = asLong(field.getObjectProp("maximum"));
            return min == null && max == null ? NONE : new Bounds(min, max);
        }

        private static Long asLong(Object prop) {
            return prop instanceof Number n ? n.longValue() : null;
        }

        void check(long value, String path, JsonAvroCodec codec) {
            if (min != null && value < min || max != null && value > max) {
                String range = min != null && max != null ? "between " + min + " and " + max
                        : min != null ? "at least " + min : "at most " + max;
                throw codec.error("field \"" + path + "\" must be " + range + ", was " + value);
            }
        }
    }

    /** Did-you-mean hints for typos in field names, type names and enum symbols. */
    static final class Suggest {

        private Suggest() {
        }

        static java.util.Optional<String> closest(String input, Collection<String> candidates) {
            String lower = input.toLowerCase(Locale.ROOT);
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : candidates) {
                int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            // Beyond about a third of the word, a "suggestion" is a guess, not a typo fix.
            return best != null && bestDistance <= Math.max(1, input.length() / 3)
                    ? java.util.Optional.of(best) : java.util.Optional.empty();
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
