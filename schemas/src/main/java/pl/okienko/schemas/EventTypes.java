package pl.okienko.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.serde.SchemaCatalog;

/**
 * The registry of every event type, derived from the union branches of the envelope
 * schemas of {@link EventFamily}: adding a branch to an {@code .avsc} file adds the type here, so
 * there is no second list to keep in step. The wire name is the branch record's name in snake_case
 * ({@code TicketIssued} ↔ {@code ticket_issued}).
 */
public final class EventTypes {

    static {
        // Resolving generated classes by schema name needs the project's packages trusted (Avro 1.12).
        SchemaCatalog.instance();
    }

    private static final Map<String, EventType> BY_NAME = build();
    private static final Map<Class<?>, EventType> BY_PAYLOAD_CLASS = byPayloadClass();

    private EventTypes() {
    }

    /** Every event type, family by family in {@link EventFamily} order, each in union order. */
    public static List<EventType> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The event types of one family, in union order. */
    public static List<EventType> of(EventFamily family) {
        return BY_NAME.values().stream().filter(type -> type.family() == family).toList();
    }

    /** The event type with the given wire name, if there is one. */
    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The event type with the given wire name.
     *
     * @throws IllegalArgumentException if no event type has that name
     */
    public static EventType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown event type \"" + name + "\""));
    }

    /**
     * The event type of an envelope record, from its payload's branch.
     *
     * @throws IllegalArgumentException if the record is not an envelope or has no payload
     */
    public static EventType of(SpecificRecord envelope) {
        EventFamily family = EventFamily.of(envelope);
        Object payload = envelope.get(family.schema().getField(EventFamily.PAYLOAD_FIELD).pos());
        if (payload == null) {
            throw new IllegalArgumentException(family.envelopeClass().getSimpleName() + " has no payload");
        }
        EventType type = BY_PAYLOAD_CLASS.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException(payload.getClass().getName() + " is not a payload of " + family.id() + " events");
        }
        return type;
    }

    /** The wire name of an envelope record's event type, e.g. {@code ticket_issued}. */
    public static String typeName(SpecificRecord envelope) {
        return of(envelope).name();
    }

    /** PascalCase record name to snake_case type name: {@code TicketIssued} → {@code ticket_issued}. */
    public static String snakeCase(String pascalCase) {
        StringBuilder out = new StringBuilder(pascalCase.length() + 8);
        for (int i = 0; i < pascalCase.length(); i++) {
            char c = pascalCase.charAt(i);
            if (Character.isUpperCase(c)) {
                // An acronym stays one word: "SMSSent" -> "sms_sent", not "s_m_s_sent".
                boolean wordStart = i > 0 && (Character.isLowerCase(pascalCase.charAt(i - 1))
                        || Character.isDigit(pascalCase.charAt(i - 1))
                        || i + 1 < pascalCase.length() && Character.isLowerCase(pascalCase.charAt(i + 1)));
                if (wordStart) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, EventType> build() {
        Map<String, EventType> types = new LinkedHashMap<>();
        for (EventFamily family : EventFamily.values()) {
            SpecificData model = SpecificData.getForClass(family.envelopeClass());
            Schema.Field payload = family.schema().getField(EventFamily.PAYLOAD_FIELD);
            if (payload == null || payload.schema().getType() != Schema.Type.UNION) {
                throw new IllegalStateException(family.envelopeClass().getName() + " has no payload union");
            }
            for (Schema branch : payload.schema().getTypes()) {
                if (branch.getType() != Schema.Type.RECORD) {
                    throw new IllegalStateException("payload branch " + branch + " of " + family.id() + " is not a record");
                }
                String name = snakeCase(branch.getName());
                @SuppressWarnings("unchecked")
                Class<? extends SpecificRecord> payloadClass = (Class<? extends SpecificRecord>) model.getClass(branch);
                EventType previous = types.putIfAbsent(name, new EventType(name, family, branch, payloadClass));
                if (previous != null) {
                    // The wire form names a type without its family, so names must be unique across families.
                    throw new IllegalStateException("event type " + name + " is in both " + previous.family().id()
                            + " and " + family.id() + " families");
                }
                checkNoClashWithEnvelope(family, branch);
            }
        }
        return Collections.unmodifiableMap(types);
    }

    /** The flat JSON form puts envelope and payload fields side by side, so their names must differ. */
    private static void checkNoClashWithEnvelope(EventFamily family, Schema branch) {
        for (Schema.Field field : branch.getFields()) {
            if (field.name().equals("type") || family.schema().getField(field.name()) != null) {
                throw new IllegalStateException("field " + branch.getName() + "." + field.name()
                        + " clashes with an envelope field of " + family.id() + " events");
            }
        }
    }

    private static Map<Class<?>, EventType> byPayloadClass() {
        Map<Class<?>, EventType> map = new LinkedHashMap<>();
        for (EventType type : BY_NAME.values()) {
            map.put(type.payloadClass(), type);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Type names for messages: every known name, in registry order. */
    static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }
}
