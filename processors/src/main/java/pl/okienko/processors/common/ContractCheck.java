package pl.okienko.processors.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The rules of the event contract (DESIGN.md section 4) that Avro's types alone do not enforce.
 * Returns the first broken rule as a sentence, or empty when the event is acceptable.
 */
public final class ContractCheck {

    /** Clocks of building systems drift; a day ahead is a broken clock, not drift. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    private ContractCheck() {
    }

    public static Optional<String> check(String key, SpecificRecord event, Instant now) {
        String officeId = Envelope.officeId(event);
        if (key == null || !key.equals(officeId)) {
            return Optional.of("record key must be the officeId \"" + officeId + "\", was " + quote(key));
        }
        Optional<String> bad = checkId("officeId", officeId)
                .or(() -> blank("eventId", Envelope.eventId(event)))
                .or(() -> blank("source", Envelope.source(event)));
        if (bad.isPresent()) {
            return bad;
        }
        Instant occurredAt = Envelope.occurredAt(event);
        if (occurredAt.isAfter(now.plus(MAX_FUTURE))) {
            return Optional.of("occurredAt " + occurredAt + " is more than a day in the future");
        }
        SpecificRecord payload = Envelope.payload(event);
        for (Schema.Field field : payload.getSchema().getFields()) {
            Object value = payload.get(field.pos());
            if (field.name().endsWith("Id") && value instanceof String id) {
                Optional<String> badId = checkId(field.name(), id);
                if (badId.isPresent()) {
                    return badId;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkId(String name, String value) {
        return blank(name, value).or(() -> value.indexOf(Keys.SEPARATOR) >= 0
                ? Optional.of(name + " must not contain '" + Keys.SEPARATOR + "'")
                : Optional.empty());
    }

    private static Optional<String> blank(String name, String value) {
        return value == null || value.isBlank() ? Optional.of(name + " must not be blank") : Optional.empty();
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
