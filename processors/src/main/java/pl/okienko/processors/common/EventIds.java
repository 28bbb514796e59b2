package pl.okienko.processors.common;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The idempotency check of the event contract: an event redelivered (same office, source and
 * eventId) within the retention is dropped, so it counts once. Keys are remembered in a window
 * store by wall-clock time of receipt, so a replay of last year's events is checked too.
 */
public final class EventIds {

    private final WindowStore<String, Long> seen;
    private final Duration retention;

    public EventIds(WindowStore<String, Long> seen, Duration retention) {
        this.seen = seen;
        this.retention = retention;
    }

    /** A cached, changelogged window store for the event ids of one topology. */
    public static StoreBuilder<WindowStore<String, Long>> storeBuilder(String name, Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, retention, false),
                Serdes.String(), Serdes.Long()).withCachingEnabled();
    }

    /** True the first time this event is seen; remembers it. */
    public boolean firstDelivery(String officeId, SpecificRecord event, long nowMillis) {
        String key = Keys.of(officeId, Envelope.source(event), Envelope.eventId(event));
        try (WindowStoreIterator<Long> it = seen.fetch(key, nowMillis - retention.toMillis(), nowMillis)) {
            if (it.hasNext()) {
                return false;
            }
        }
        seen.put(key, nowMillis, nowMillis);
        return true;
    }
}
