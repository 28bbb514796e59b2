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

import pl.okienko.schemas.Envelope;

/**
 * The idempotency check of the event contract: an event redelivered (same office, source and eventId)
 * within the retention is dropped, so it counts once. Each id is remembered with the wall-clock time it
 * was first received, so a replay of last year's events is checked too.
 *
 * <p>Ids past their retention are forgotten by a sweep that walks the store round and round, every
 * second visiting {@link #SWEEP_FACTOR} times as many ids as were remembered since the last one, so the walk
 * outpaces the store's growth and an id is forgotten at most one retention late (the check above reads the
 * time, so a late deletion never changes an answer). Each whole pass learns the earliest time an id still
 * remembered was seen; until that time's retention has passed nothing can expire and the walk rests. An index
 * of ids by expiry time cost one more changelogged write per event and one more delete per id.
 *
 * <p>A key-value store, not a window store: Kafka Streams 4.3 finds no committed offset in a segmented
 * store after a clean stop and rebuilds its task from the changelog, logging an ERROR at every start.
 */
public final class EventIds {

    /** How often ids past their retention are looked for. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    /** The sweep visits this many times the ids remembered since the previous sweep... */
    static final int SWEEP_FACTOR = 2;
    /** ...and at least this many, so that a quiet store is walked too. */
    static final int MIN_SWEEP = 1_000;

    private final KeyValueStore<String, Long> seen;
    private final StoreSweep<Long> sweep;
    private final Duration retention;
    private long rememberedSinceSweep;
    /** No id remembered was first seen before this; unknown (the walk goes on) until a whole pass has been made. */
    private long earliestSeen = Long.MIN_VALUE;
    /** The earliest first-seen time of the ids kept so far in the current pass. */
    private long earliestInPass = Long.MAX_VALUE;

    /** Reads the store named {@code name} and forgets expired ids every {@link #SWEEP_INTERVAL}. */
    public EventIds(ProcessorContext<?, ?> context, String name, Duration retention) {
        this(context.getStateStore(name), retention);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    EventIds(KeyValueStore<String, Long> seen, Duration retention) {
        this.seen = seen;
        this.sweep = StoreSweep.roundRobin(seen, MIN_SWEEP);
        this.retention = retention;
    }

    /** The changelogged store of one topology's event ids. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long()));
    }

    /** True the first time this event is seen within the retention; remembers it. */
    public boolean firstDelivery(String officeId, SpecificRecord event, long nowMillis) {
        String key = Keys.of(officeId, Envelope.source(event), Envelope.eventId(event));
        Long firstSeen = seen.get(key);
        if (firstSeen != null && firstSeen > nowMillis - retention.toMillis()) {
            return false;
        }
        seen.put(key, nowMillis);
        rememberedSinceSweep++;
        return true;
    }

    /** Forgets the ids of the next stretch of the store whose retention has passed. */
    void forgetExpired(long nowMillis) {
        long visits = Math.max(MIN_SWEEP, SWEEP_FACTOR * rememberedSinceSweep);
        rememberedSinceSweep = 0;
        if (earliestSeen != Long.MIN_VALUE && nowMillis < earliestSeen + retention.toMillis()) {
            return;
        }
        boolean passEnded = sweep.next(visits, (key, firstSeen) -> {
            if (firstSeen + retention.toMillis() <= nowMillis) {
                seen.delete(key);
            } else {
                earliestInPass = Math.min(earliestInPass, firstSeen);
            }
        });
        if (passEnded) {
            // ids remembered from now on are seen now or later
            earliestSeen = Math.min(earliestInPass, nowMillis);
            earliestInPass = Long.MAX_VALUE;
        }
    }
}
