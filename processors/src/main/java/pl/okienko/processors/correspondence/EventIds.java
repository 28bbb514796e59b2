package pl.okienko.processors.correspondence;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import pl.okienko.processors.common.Envelope;
import pl.okienko.processors.common.Keys;

/** Redelivered events (same office, source and eventId within the retention) are dropped: they must count once. */
final class EventIds {

    private final WindowStore<String, Long> seen;
    private final Duration retention;

    EventIds(WindowStore<String, Long> seen, Duration retention) {
        this.seen = seen;
        this.retention = retention;
    }

    boolean firstDelivery(String officeId, SpecificRecord event, long now) {
        String key = Keys.of(officeId, Envelope.source(event), Envelope.eventId(event));
        try (WindowStoreIterator<Long> it = seen.fetch(key, now - retention.toMillis(), now)) {
            if (it.hasNext()) {
                return false;
            }
        }
        seen.put(key, now, now);
        return true;
    }
}
