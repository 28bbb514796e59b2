package pl.okienko.processors.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.state.EventIdBatch;
import pl.okienko.processors.common.state.SeenEventId;
import pl.okienko.schemas.Envelope;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * The idempotency check of the event contract: an event redelivered (same office, source and eventId)
 * within the retention is dropped, so it counts once. Each id is remembered with the wall-clock time it
 * was first received, so a replay of last year's events is checked too.
 *
 * <p>Two stores. The index ({@code name}: id → first seen) answers the check; it is local, not logged, because
 * its changelog cost a record per event, about a third of each topology's throughput (bench, issue 16). The log
 * ({@code name-log}: batch number → the ids first seen in it) is logged: the ids of the events since the last
 * commit go to it in one record, written with the task's other writes before the commit ({@link EventWrites}), so
 * they are in the same transaction as the input offsets of their events. When the task's state comes from the
 * changelogs (a new instance, a standby taking over, the task back from another instance, or an unclean stop,
 * after which exactly-once wipes the task's local state, this index with it), the index is filled again from the
 * log's batches it has not seen, found by the last batch number it holds (under {@link #APPLIED}); that takes a
 * walk over the retention's ids, the price of a failover. RestartIT kills the application mid-day and sends the day
 * again: without the refill it counts events twice. Exactly-once is required: under at-least-once an unclean stop
 * could leave the index holding ids of events that are then processed again.
 *
 * <p>Ids past their retention are forgotten from the index by a sweep that walks it round and round, every
 * second visiting {@link #SWEEP_FACTOR} times as many ids as were remembered since the last one, so the walk
 * outpaces the store's growth and an id is forgotten at most one retention late (the check above reads the
 * time, so a late deletion never changes an answer). Each whole pass learns the earliest time an id still
 * remembered was seen; until that time's retention has passed nothing can expire and the walk rests. A batch of
 * the log is deleted once its newest id's retention has passed, but the last one, which keeps the numbering.
 *
 * <p>Key-value stores, not window stores: Kafka Streams 4.3 finds no committed offset in a segmented store after a
 * clean stop and rebuilds its task from the changelog, logging an ERROR at every start.
 */
public final class EventIds {

    /** How often ids past their retention are looked for. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    /** The sweep visits this many times the ids remembered since the previous sweep... */
    static final int SWEEP_FACTOR = 2;
    /** ...and at least this many, so that a quiet store is walked too. */
    static final int MIN_SWEEP = 1_000;
    /** A batch is written once it holds this many ids, even before the commit... */
    static final int BATCH_IDS = 2_000;
    /**
     * ...or this many characters of keys: at most three bytes each in UTF-8, far below a record's limit
     * ({@link AvroSerde#MAX_RECORD_BYTES}).
     */
    static final int BATCH_KEY_CHARS = 128 * 1024;
    /** The index's entry holding the number of the last batch of the log it holds; no id sorts before it. */
    static final String APPLIED = "\u0000applied-batch";
    private static final String LOG_SUFFIX = "-log";

    private final KeyValueStore<String, Long> seen;
    private final KeyValueStore<Long, EventIdBatch> log;
    private final EventWrites writes;
    private final StoreSweep<Long> sweep;
    private final Duration retention;
    private long rememberedSinceSweep;
    /** No id remembered was first seen before this; unknown (the walk goes on) until a whole pass has been made. */
    private long earliestSeen = Long.MIN_VALUE;
    /** The earliest first-seen time of the ids kept so far in the current pass. */
    private long earliestInPass = Long.MAX_VALUE;
    /** The ids remembered since the last batch was written. */
    private List<SeenEventId> pending = new ArrayList<>();
    private int pendingKeyChars;
    /** The latest first-seen time of the pending ids. */
    private long pendingNewest = Long.MIN_VALUE;
    /** The number of the last batch written to the log (or found in it). */
    private long lastBatch;
    /** The log's first batch, while it is kept: read once, not at every sweep. */
    private KeyValue<Long, Long> oldestBatch;

    /**
     * Reads the stores named {@code name} and {@code name-log}, fills the index from the batches it misses, writes
     * the ids with {@code writes} and forgets expired ids every {@link #SWEEP_INTERVAL}.
     */
    public EventIds(ProcessorContext<?, ?> context, String name, Duration retention, EventWrites writes) {
        this(context.getStateStore(name), context.getStateStore(name + LOG_SUFFIX), retention, writes,
                context.currentSystemTimeMs());
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    EventIds(KeyValueStore<String, Long> seen, KeyValueStore<Long, EventIdBatch> log, Duration retention,
            EventWrites writes, long nowMillis) {
        this.seen = seen;
        this.log = log;
        this.writes = writes;
        // the walk starts after APPLIED, the one entry that is not an id
        this.sweep = StoreSweep.roundRobin(seen, MIN_SWEEP, APPLIED + '\u0000');
        this.retention = retention;
        writes.beforeCommit(this::writeBatch);
        catchUp(nowMillis);
    }

    /** The index (local) and the log (logged) of one topology's event ids. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                        .withLoggingDisabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + LOG_SUFFIX), Serdes.Long(),
                        AvroSerde.of(EventIdBatch.class)));
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
        pending.add(new SeenEventId(key, nowMillis));
        pendingKeyChars += key.length();
        pendingNewest = Math.max(pendingNewest, nowMillis);
        if (!writes.isBehind() || pending.size() >= BATCH_IDS || pendingKeyChars >= BATCH_KEY_CHARS) {
            writeBatch();
        } else {
            writes.hold();
        }
        return true;
    }

    /** The ids remembered since the last batch go to the log, in one record. */
    private void writeBatch() {
        if (pending.isEmpty()) {
            return;
        }
        lastBatch++;
        log.put(lastBatch, new EventIdBatch(pending, pendingNewest));
        seen.put(APPLIED, lastBatch);
        pending = new ArrayList<>();
        pendingKeyChars = 0;
        pendingNewest = Long.MIN_VALUE;
    }

    /** Puts into the index the ids of the log's batches it does not hold yet (all of them after a restore). */
    private void catchUp(long nowMillis) {
        Long applied = seen.get(APPLIED);
        lastBatch = applied == null ? 0 : applied;
        List<KeyValue<String, Long>> ids = new ArrayList<>();
        try (KeyValueIterator<Long, EventIdBatch> it = log.range(lastBatch + 1, Long.MAX_VALUE)) {
            while (it.hasNext()) {
                KeyValue<Long, EventIdBatch> batch = it.next();
                for (SeenEventId id : batch.value.getIds()) {
                    if (id.getFirstSeen() + retention.toMillis() > nowMillis) {
                        ids.add(KeyValue.pair(id.getKey(), id.getFirstSeen()));
                    }
                }
                lastBatch = batch.key;
                if (ids.size() >= BATCH_IDS) {
                    seen.putAll(ids);
                    ids.clear();
                }
            }
        }
        seen.putAll(ids);
        seen.put(APPLIED, lastBatch);
    }

    /** Forgets the ids of the next stretch of the index whose retention has passed, and the log's old batches. */
    void forgetExpired(long nowMillis) {
        forgetOldBatches(nowMillis);
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

    /** Deletes the log's batches whose every id is past its retention, oldest first, keeping the last one. */
    private void forgetOldBatches(long nowMillis) {
        while (true) {
            if (oldestBatch == null) {
                try (KeyValueIterator<Long, EventIdBatch> it = log.all()) {
                    if (!it.hasNext()) {
                        return;
                    }
                    KeyValue<Long, EventIdBatch> first = it.next();
                    oldestBatch = KeyValue.pair(first.key, first.value.getNewest());
                }
            }
            if (oldestBatch.key >= lastBatch || oldestBatch.value + retention.toMillis() > nowMillis) {
                return;
            }
            log.delete(oldestBatch.key);
            oldestBatch = null;
        }
    }
}
