package pl.okienko.schemas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import pl.okienko.schemas.serde.AvroSerde;

/**
 * The HTTP/NDJSON wire form of an event ({@code POST /api/v1/events}) and its codec,
 * driven by the Avro schemas: one flat JSON object with the envelope fields, {@code type} and the
 * payload fields side by side, e.g.
 * {@code {"eventId":"e-1","type":"ticket_issued","officeId":"UMJ","occurredAt":"2026-11-21T08:00:00+01:00",
 * "source":"qmatic-1","ticketId":"A001","queueId":"A","priorityCategory":"ELDERLY"}}.
 *
 * <p>Decoding is strict so that an integrator's mistake is reported, not stored: unknown types and
 * fields are rejected, instants need an offset, required text must not be blank, enums are given
 * by symbol. Encoding writes instants in UTC ({@code Z}); {@code decode(encode(x))} equals {@code x}.
 */
public final class EventJson {

    /** The JSON field naming the event type, e.g. {@code ticket_issued}. */
    public static final String TYPE_FIELD = "type";

    private static final JsonAvroCodec CODEC = new JsonAvroCodec(InvalidEventException::new);
    private static final Set<String> SKIP_PAYLOAD = Set.of(EventFamily.PAYLOAD_FIELD);
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final Map<Class, AvroSerde> SERDES = new ConcurrentHashMap<>();

    private EventJson() {
    }

    /**
     * Decodes one event from its JSON text.
     *
     * @return the envelope record of the event's family ({@code QueueEvent}, {@code PhoneEvent}, ...)
     * @throws InvalidEventException if the text is not JSON or the event breaks the contract
     */
    public static SpecificRecord decode(String json) {
        SpecificRecord event = decode(CODEC.parse(json));
        checkSize(json);
        return event;
    }

    /**
     * Decodes one event from its JSON text and checks it against the whole {@link EventContract},
     * its {@code occurredAt} against the future window of {@code now}: what the topologies would
     * dead-letter is refused here. A field over its limit is named before the size of the whole event.
     *
     * @throws InvalidEventException if the event breaks the contract; the message names the field and the limit
     */
    public static SpecificRecord decode(String json, Instant now) {
        SpecificRecord event = decode(CODEC.parse(json));
        EventContract.check(event, now).ifPresent(broken -> {
            throw new InvalidEventException(broken);
        });
        checkSize(json);
        // The topologies limit the encoded record; text outside ASCII takes more bytes than characters.
        EventContract.checkSize(SERDES.computeIfAbsent(event.getClass(), AvroSerde::of).toBytes(event).length)
                .ifPresent(broken -> {
                    throw new InvalidEventException(broken);
                });
        return event;
    }

    private static void checkSize(String json) {
        if (json.length() > EventContract.MAX_EVENT_SIZE) {
            throw new InvalidEventException("an event may have at most " + EventContract.MAX_EVENT_SIZE
                    + " characters of JSON, this one has " + json.length());
        }
    }

    /**
     * Decodes one event from a parsed JSON object.
     *
     * @return the envelope record of the event's family ({@code QueueEvent}, {@code PhoneEvent}, ...)
     * @throws InvalidEventException if the event breaks the contract; the message names the field
     */
    public static SpecificRecord decode(JsonNode node) {
        ObjectNode json = CODEC.requireObject(node, "an event");
        EventType type = typeOf(json);
        Schema envelopeSchema = type.family().schema();

        CODEC.rejectUnknown(json, allowedFields(type), "", type.name());

        IndexedRecord payload = JsonAvroCodec.newRecord(type.payloadSchema());
        CODEC.readFields(payload, type.payloadSchema(), json, "", Set.of());
        IndexedRecord envelope = JsonAvroCodec.newRecord(envelopeSchema);
        CODEC.readFields(envelope, envelopeSchema, json, "", SKIP_PAYLOAD);
        envelope.put(envelopeSchema.getField(EventFamily.PAYLOAD_FIELD).pos(), payload);
        return (SpecificRecord) envelope;
    }

    /** Encodes an envelope record into the flat wire form, instants in UTC. */
    public static ObjectNode encode(SpecificRecord envelope) {
        EventType type = EventTypes.of(envelope);
        Schema envelopeSchema = type.family().schema();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode envelopeJson = JsonNodeFactory.instance.objectNode();
        CODEC.writeFields(envelopeJson, envelope, envelopeSchema, SKIP_PAYLOAD);
        // The type goes right after the first envelope field (eventId), as in the documented examples.
        boolean typeWritten = false;
        for (var entry : envelopeJson.properties()) {
            out.set(entry.getKey(), entry.getValue());
            if (!typeWritten) {
                out.put(TYPE_FIELD, type.name());
                typeWritten = true;
            }
        }
        Object payload = envelope.get(envelopeSchema.getField(EventFamily.PAYLOAD_FIELD).pos());
        CODEC.writeFields(out, (IndexedRecord) payload, type.payloadSchema(), Set.of());
        return out;
    }

    /** Encodes an envelope record into one line of NDJSON (no trailing newline). */
    public static String encodeToString(SpecificRecord envelope) {
        return JsonAvroCodec.MAPPER.writeValueAsString(encode(envelope));
    }

    /** The JSON field names an event of this type accepts: envelope fields, {@code type}, payload fields. */
    public static List<String> allowedFields(EventType type) {
        List<String> names = new ArrayList<>();
        for (Schema.Field field : type.family().schema().getFields()) {
            if (!field.name().equals(EventFamily.PAYLOAD_FIELD)) {
                names.add(field.name());
                if (names.size() == 1) {
                    names.add(TYPE_FIELD);
                }
            }
        }
        names.addAll(JsonAvroCodec.fieldNames(type.payloadSchema()));
        return names;
    }

    private static EventType typeOf(ObjectNode json) {
        JsonNode typeNode = json.get(TYPE_FIELD);
        if (typeNode == null) {
            throw new InvalidEventException("missing field \"" + TYPE_FIELD + "\" (the event type, e.g. ticket_issued;"
                    + " see GET /api/v1/schemas)");
        }
        if (!typeNode.isString()) {
            throw new InvalidEventException("field \"" + TYPE_FIELD + "\" must be a string, was " + JsonAvroCodec.describe(typeNode));
        }
        String name = typeNode.stringValue();
        return EventTypes.find(name).orElseThrow(() -> new InvalidEventException("unknown type \"" + name + "\" ("
                + JsonAvroCodec.Suggest.closest(name, EventTypes.names()).map(s -> "did you mean \"" + s + "\"? ").orElse("")
                + "known types are listed at GET /api/v1/schemas)"));
    }
}
