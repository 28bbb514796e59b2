package pl.okienko.schemas;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one event contract (docs/events.md, "Limits"): the rules an event must keep beyond what Avro's
 * types enforce, checked by the ingestion API before it answers 202 and again by every topology on
 * what it reads from a topic, so nothing accepted at the edge is dead-lettered later by a rule of
 * the contract, and nothing written straight to Kafka can grow a store or a key without bound.
 *
 * <p>Driven by the schemas, so a new field is covered without code: a field named {@code *Id} (and
 * {@code source}, and the items of a {@code *Ids} list, and map keys) is an id; a field marked
 * {@code "personal": true} is a phone number or address; any other string is a short text. Integers
 * keep their {@code minimum}/{@code maximum} properties; instants lie between {@link #EARLIEST} and
 * {@link #LATEST}, and {@code occurredAt} at most {@link #MAX_FUTURE} ahead of the checking clock.
 */
public final class EventContract {

    /** Joins the parts of store keys ({@code officeId|source|eventId}): ids must not contain it. */
    public static final char KEY_SEPARATOR = '|';
    /** Longest id (officeId, eventId, ticketId, queueId, ...), in characters. */
    public static final int MAX_ID_CHARS = 128;
    /** Longest personal field (phone number, e-mail address) before pseudonymisation, in characters. */
    public static final int MAX_PERSONAL_CHARS = 320;
    /** Longest other text (register number, reason, location, who acknowledged), in characters. */
    public static final int MAX_TEXT_CHARS = 512;
    /** Most items in a list or map field (a desk's queues, a survey's scores). */
    public static final int MAX_ITEMS = 64;
    /** Largest event: one JSON line at the API, in characters, and one encoded record on a topic, in bytes. */
    public static final int MAX_EVENT_SIZE = 16 * 1024;
    /** A building system's clock may run ahead; a day ahead is a broken clock, not drift. */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** Kafka record timestamps cannot lie before the Unix epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The last instant a four-digit RFC 3339 year can write. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final String OCCURRED_AT = "occurredAt";
    private static final String SOURCE = "source";
    /** A nullable field's schema without its null branch, by the field's union schema. */
    private static final Map<Schema, Schema> NON_NULL = new ConcurrentHashMap<>();
    private static final Map<Schema, List<FieldRule>> RULES = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /**
     * Checks an event (the envelope record of its family) against the contract.
     *
     * @param now the checking clock, for the future window of {@code occurredAt}
     * @return the first broken rule as a sentence naming the field and the limit, or empty
     */
    public static Optional<String> check(SpecificRecord envelope, Instant now) {
        Optional<String> broken = checkRecord(envelope, "");
        if (broken.isPresent()) {
            return broken;
        }
        Object occurredAt = envelope.get(envelope.getSchema().getField(OCCURRED_AT).pos());
        if (occurredAt instanceof Instant instant && instant.isAfter(now.plus(MAX_FUTURE))) {
            return Optional.of("field \"occurredAt\" " + instant + " is more than " + MAX_FUTURE.toHours()
                    + " hours ahead of the receiving clock (" + now + "): check the sending system's clock");
        }
        return Optional.empty();
    }

    /** Checks the encoded size of a record read from a topic. */
    public static Optional<String> checkSize(int bytes) {
        return bytes > MAX_EVENT_SIZE
                ? Optional.of("the record has " + bytes + " bytes, more than the limit of " + MAX_EVENT_SIZE + " bytes of one event")
                : Optional.empty();
    }

    /** Checks an instant's range; used by the JSON codec before it converts to epoch units. */
    static Optional<String> checkInstant(String path, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return Optional.of("field \"" + path + "\" must lie between " + EARLIEST + " and " + LATEST
                    + " (Kafka timestamps start at the Unix epoch)");
        }
        return Optional.empty();
    }

    private static Optional<String> checkRecord(IndexedRecord record, String prefix) {
        for (FieldRule rule : rules(record.getSchema())) {
            Optional<String> broken = checkValue(rule, rule.schema(), record.get(rule.field().pos()),
                    prefix + rule.field().name());
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    /**
     * What the check needs of one field, worked out once per record schema: looking up the non-null branch and the
     * field's properties (kind, bounds) at every event cost a visible share of a topology's work per event.
     */
    private record FieldRule(Schema.Field field, Schema schema, Kind kind, Long minimum, Long maximum) {

        static FieldRule of(Schema.Field field) {
            return new FieldRule(field, nonNull(field.schema()), kindOf(field.name(), field), bound(field, "minimum"),
                    bound(field, "maximum"));
        }

        private static Long bound(Schema.Field field, String property) {
            return field.getObjectProp(property) instanceof Number n ? n.longValue() : null;
        }
    }

    private static List<FieldRule> rules(Schema record) {
        return RULES.computeIfAbsent(record, schema -> schema.getFields().stream().map(FieldRule::of).toList());
    }

    private static Optional<String> checkValue(FieldRule rule, Schema schema, Object value, String path) {
        Schema.Field field = rule.field();
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof IndexedRecord record) {
            // The payload's fields sit beside the envelope's in the JSON form, so they are named without a prefix.
            return checkRecord(record, field.name().equals(EventFamily.PAYLOAD_FIELD) ? "" : path + ".");
        }
        switch (schema.getType()) {
            case STRING:
                return checkString(rule.kind(), value.toString(), path);
            case ARRAY: {
                Collection<?> items = (Collection<?>) value;
                if (items.size() > MAX_ITEMS) {
                    return Optional.of("field \"" + path + "\" may hold at most " + MAX_ITEMS + " items, had " + items.size());
                }
                Schema itemSchema = nonNull(schema.getElementType());
                int i = 0;
                for (Object item : items) {
                    Optional<String> broken = itemSchema.getType() == Schema.Type.STRING
                            ? checkString(field.name().endsWith("Ids") ? Kind.ID : rule.kind(),
                                    String.valueOf(item), path + "[" + i + "]")
                            : checkValue(rule, itemSchema, item, path + "[" + i + "]");
                    if (broken.isPresent()) {
                        return broken;
                    }
                    i++;
                }
                return Optional.empty();
            }
            case MAP: {
                Map<?, ?> map = (Map<?, ?>) value;
                if (map.size() > MAX_ITEMS) {
                    return Optional.of("field \"" + path + "\" may hold at most " + MAX_ITEMS + " entries, had " + map.size());
                }
                Schema valueSchema = nonNull(schema.getValueType());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    Optional<String> broken = checkString(Kind.ID, key, path + " key")
                            .or(() -> checkValue(rule, valueSchema, entry.getValue(), path + "." + key));
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
                return Optional.empty();
            }
            case INT:
            case LONG:
                return value instanceof Instant instant ? checkInstant(path, instant)
                        : checkBounds(rule, ((Number) value).longValue(), path);
            default:
                return value instanceof Instant instant ? checkInstant(path, instant) : Optional.empty();
        }
    }

    private static Optional<String> checkBounds(FieldRule rule, long value, String path) {
        if (rule.minimum() != null && value < rule.minimum()) {
            return Optional.of("field \"" + path + "\" must be at least " + rule.minimum() + ", was " + value);
        }
        if (rule.maximum() != null && value > rule.maximum()) {
            return Optional.of("field \"" + path + "\" must be at most " + rule.maximum() + ", was " + value);
        }
        return Optional.empty();
    }

    private enum Kind {
        ID(MAX_ID_CHARS), PERSONAL(MAX_PERSONAL_CHARS), TEXT(MAX_TEXT_CHARS);

        final int maxChars;

        Kind(int maxChars) {
            this.maxChars = maxChars;
        }
    }

    private static Kind kindOf(String name, Schema.Field field) {
        if (Boolean.TRUE.equals(field.getObjectProp(PersonalData.PERSONAL_PROPERTY))) {
            return Kind.PERSONAL;
        }
        return name.endsWith("Id") || name.equals(SOURCE) ? Kind.ID : Kind.TEXT;
    }

    /** Never quotes the value: it may be personal, and a 500 KB id is no help in a message. */
    private static Optional<String> checkString(Kind kind, String value, String path) {
        if (value.isBlank()) {
            return Optional.of("field \"" + path + "\" must not be blank (leave an optional field out instead)");
        }
        if (value.length() > kind.maxChars) {
            return Optional.of("field \"" + path + "\" may have at most " + kind.maxChars + " characters, had " + value.length());
        }
        if (kind == Kind.ID) {
            if (value.indexOf(KEY_SEPARATOR) >= 0) {
                return Optional.of("field \"" + path + "\" must not contain '" + KEY_SEPARATOR + "' (it joins ids in keys)");
            }
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    return Optional.of("field \"" + path + "\" must not contain control characters");
                }
            }
        }
        return Optional.empty();
    }

    /** Looked up for every field of every event a topology reads: worked out once per union. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return NON_NULL.computeIfAbsent(schema, union -> {
            List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
            return branches.size() == 1 ? branches.get(0) : union;
        });
    }
}
