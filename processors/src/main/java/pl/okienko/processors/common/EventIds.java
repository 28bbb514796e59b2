package pl.okienko.processors.common;

import java.time.Duration;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.schemas.Envelope;

/**
 * The idempotency check of the event contract: an event redelivered (same office, source and eventId)
 * within the retention is dropped, so it counts once. Each id is remembered with the wall-clock time it
 * was first received, so a replay of last year's events is checked too, and forgotten once the retention
 * has passed, found through a {@link DeadlineIndex} (only what is due is read).
 *
 * <p>Key-value stores, not a window store: Kafka Streams 4.3 finds no committed offset in a segmented
 * store after a clean stop and rebuilds its task from the changelog, logging an ERROR at every start.
 */
public final class EventIds {

    /** How often ids past their retention are forgotten. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final KeyValueStore<String, Long> seen;
    private final DeadlineIndex expiry;
    private final Duration retention;

    /** Reads the stores named {@code name} and {@link #expiryStoreName(String)} and forgets expired ids every minute. */
    public EventIds(ProcessorContext<?, ?> context, String name, Duration retention) {
        this(context.getStateStore(name), new DeadlineIndex(context.getStateStore(expiryStoreName(name))), retention);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    EventIds(KeyValueStore<String, Long> seen, DeadlineIndex expiry, Duration retention) {
        this.seen = seen;
        this.expiry = expiry;
        this.retention = retention;
    }

    /** The two changelogged stores of one topology's event ids: the ids and their expiry index. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long()),
                DeadlineIndex.storeBuilder(expiryStoreName(name)));
    }

    /** The name of the expiry index beside the store {@code name}. */
    public static String expiryStoreName(String name) {
        return name + "-expiry";
    }

    /** True the first time this event is seen within the retention; remembers it. */
    public boolean firstDelivery(String officeId, SpecificRecord event, long nowMillis) {
        String key = Keys.of(officeId, Envelope.source(event), Envelope.eventId(event));
        Long firstSeen = seen.get(key);
        if (firstSeen != null && firstSeen > nowMillis - retention.toMillis()) {
            return false;
        }
        seen.put(key, nowMillis);
        expiry.schedule(nowMillis + retention.toMillis(), officeId, key);
        return true;
    }

    /** Forgets the ids whose retention has passed; an id seen again meanwhile has a later entry and stays. */
    void forgetExpired(long nowMillis) {
        for (DeadlineIndex.Due due : expiry.takeDue(nowMillis)) {
            Long firstSeen = seen.get(due.itemId());
            if (firstSeen != null && firstSeen + retention.toMillis() <= nowMillis) {
                seen.delete(due.itemId());
            }
        }
    }
}
