package pl.okienko.processors.common;

import java.time.Instant;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.Envelope;
import pl.okienko.schemas.EventContract;

/**
 * What a topology checks of an event read from a topic: the record is keyed by its officeId, and the
 * event keeps the {@link EventContract} that the ingestion API applied before accepting it (events may
 * also be written straight to Kafka). Returns the first broken rule as a sentence, or empty.
 */
public final class ContractCheck {

    private ContractCheck() {
    }

    public static Optional<String> check(String key, SpecificRecord event, Instant now) {
        String officeId = Envelope.officeId(event);
        if (key == null || !key.equals(officeId)) {
            return Optional.of("record key must be the officeId " + quote(officeId) + ", was " + quote(key));
        }
        return EventContract.check(event, now);
    }

    /** Quoted if it is short enough to help; an oversized id is reported by its length. */
    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= EventContract.MAX_ID_CHARS ? "\"" + s + "\"" : "a text of " + s.length() + " characters";
    }
}
