package pl.okienko.processors.common;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the envelope fields every event family shares (eventId, officeId, occurredAt, source) from any generated
 * envelope record, by field name, so contract checks are written once for all families.
 */
public final class Envelope {

    private Envelope() {
    }

    public static String eventId(SpecificRecord event) {
        return (String) field(event, "eventId");
    }

    public static String officeId(SpecificRecord event) {
        return (String) field(event, "officeId");
    }

    public static String source(SpecificRecord event) {
        return (String) field(event, "source");
    }

    public static Instant occurredAt(SpecificRecord event) {
        return (Instant) field(event, "occurredAt");
    }

    public static SpecificRecord payload(SpecificRecord event) {
        return (SpecificRecord) field(event, "payload");
    }

    private static Object field(SpecificRecord event, String name) {
        return event.get(event.getSchema().getField(name).pos());
    }
}
