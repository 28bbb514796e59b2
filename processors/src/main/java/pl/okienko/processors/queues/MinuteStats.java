package pl.okienko.processors.queues;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.common.StoreSweep;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * One-minute duration sketches per queue and measure (Q1's "last 15 min" and "last hour"), kept for
 * the retention after their minute and then forgotten. Keys are {@code officeId|queueId|measure|minute} with the
 * minute's epoch milliseconds zero-padded, so one series is a contiguous range in time order.
 *
 * <p>The minutes past their retention are found by a walk round the store, as {@code EventIds} finds its
 * expired ids: every minute it visits {@link #SWEEP_FACTOR} times as many minutes as were opened since the last
 * walk, so it outpaces the store's growth and a minute is forgotten at most one retention late (the views read
 * minutes by their time, so a late deletion changes no figure). An index of minutes by expiry time cost a
 * changelogged write per new minute and a delete more per minute forgotten.
 *
 * <p>Key-value stores, not a window store: Kafka Streams 4.3 finds no committed offset in a segmented
 * store after a clean stop and rebuilds its task from the changelog, logging an ERROR at every start.
 */
final class MinuteStats {

    /** Minutes kept decoded: the current one of every queue and measure, and some before it for late events. */
    private static final int CACHED_MINUTES = 4_096;
    /** The latest minute 13 digits hold. */
    private static final long MAX_MINUTE = 9_999_999_999_999L;
    /** The walk visits this many times the minutes opened since the previous walk... */
    static final int SWEEP_FACTOR = 2;
    /** ...and at least this many, so that a quiet store is walked too. */
    static final int MIN_SWEEP = 1_000;

    /** The minutes being added to, kept decoded: a sketch's bins cost more to decode than to add a duration. */
    private final StateCache<SketchState, DurationSketch> store;
    private final StoreSweep<SketchState> sweep;
    private final Duration retention;
    private long openedSinceSweep;
    /**
     * By series, the latest minute the store may hold: read from the store when the series is first added to, then
     * raised with every minute added. A later minute is new and is not looked up: most durations of a live office, or
     * of a replay in time order, open a new minute, whose lookup missed both Kafka's record cache and RocksDB.
     * A write discarded with a failed event leaves it too high, which costs only a lookup.
     */
    private final Map<String, Long> latestStored = new HashMap<>();

    MinuteStats(KeyValueStore<String, SketchState> store, EventWrites writes, Duration retention) {
        this.store = new StateCache<>(store, DurationSketch::fromState, DurationSketch::toState, CACHED_MINUTES, writes);
        this.sweep = StoreSweep.roundRobin(store, MIN_SWEEP);
        this.retention = retention;
    }

    static List<StoreBuilder<?>> storeBuilders() {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStore.MINUTE_STATS.storeName()),
                Serdes.String(), AvroSerde.of(SketchState.class)));
    }

    /** Adds one duration to its minute of the series. */
    void add(String seriesKey, long minuteMillis, long durationMillis) {
        String key = key(seriesKey, minuteMillis);
        DurationSketch sketch = minuteMillis > latestStored(seriesKey) ? null : store.get(key);
        if (sketch == null) {
            openedSinceSweep++;
            sketch = new DurationSketch();
        }
        sketch.add(durationMillis);
        store.put(key, sketch);
        latestStored.merge(seriesKey, minuteMillis, Math::max);
    }

    private long latestStored(String seriesKey) {
        Long known = latestStored.get(seriesKey);
        if (known == null) {
            known = Long.MIN_VALUE;
            try (KeyValueIterator<String, SketchState> it = store.store().reverseRange(key(seriesKey, 0), key(seriesKey, MAX_MINUTE))) {
                if (it.hasNext()) {
                    known = minuteOf(it.next().key);
                }
            }
            latestStored.put(seriesKey, known);
        }
        return known;
    }

    /**
     * Forgets the minutes of the next stretch of the store whose retention has passed. The walk never rests: the
     * minutes follow event time, and a replay may open minutes already past their retention at any time.
     */
    void forgetExpired(long nowMillis) {
        long visits = Math.max(MIN_SWEEP, SWEEP_FACTOR * openedSinceSweep);
        openedSinceSweep = 0;
        // the walk reads the store: the minutes written behind go into it first
        store.store();
        sweep.next(visits, (key, sketch) -> {
            if (minuteOf(key) + retention.toMillis() <= nowMillis) {
                store.delete(key);
            }
        });
    }

    /** Every minute of one series from {@code fromMinute} to {@code toMinute} (inclusive), oldest first. */
    static void forEach(ReadOnlyKeyValueStore<String, SketchState> store, String seriesKey, long fromMinute, long toMinute,
            BiConsumer<Long, SketchState> action) {
        try (KeyValueIterator<String, SketchState> it = store.range(key(seriesKey, fromMinute), key(seriesKey, toMinute))) {
            while (it.hasNext()) {
                KeyValue<String, SketchState> next = it.next();
                action.accept(minuteOf(next.key), next.value);
            }
        }
    }

    private static long minuteOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(Keys.SEPARATOR) + 1));
    }

    /** 13 digits hold every millisecond timestamp until the year 2286, in lexical = numeric order. */
    private static String key(String seriesKey, long minuteMillis) {
        return Keys.of(seriesKey, Keys.padded(minuteMillis, 13));
    }
}
