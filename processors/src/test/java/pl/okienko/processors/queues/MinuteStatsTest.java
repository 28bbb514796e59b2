package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;

class MinuteStatsTest {

    private static final String SERIES = Keys.of("O1", "A", DayStatistics.WAIT);
    private static final long TEN = Instant.parse("2026-11-16T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final Duration RETENTION = Duration.ofHours(3);

    private final KeyValueStore<String, SketchState> store = InMemoryStores.keyValue("byMinute",
            AvroSerde.of(SketchState.class));

    private MinuteStats started() {
        return new MinuteStats(store, EventWrites.immediate(), RETENTION);
    }

    @Test
    void shouldAddToMinutesStoredBeforeTheStartWhetherLatestOrEarlier() {
        MinuteStats before = started();
        before.add(SERIES, TEN, 10_000);
        before.add(SERIES, TEN + 2 * MINUTE, 20_000);

        // a restart: a new instance over the same store, knowing nothing of what it holds
        MinuteStats after = started();
        after.add(SERIES, TEN + 2 * MINUTE, 40_000);
        after.add(SERIES, TEN, 30_000);
        after.add(SERIES, TEN + 3 * MINUTE, 50_000);
        after.add(SERIES, TEN + MINUTE, 60_000);

        assertThat(countAndSum(TEN)).containsExactly(2L, 40_000L);
        assertThat(countAndSum(TEN + MINUTE)).containsExactly(1L, 60_000L);
        assertThat(countAndSum(TEN + 2 * MINUTE)).containsExactly(2L, 60_000L);
        assertThat(countAndSum(TEN + 3 * MINUTE)).containsExactly(1L, 50_000L);
    }

    @Test
    void shouldForgetEachMinuteOnceItsRetentionHasPassedAndKeepTheOthers() {
        MinuteStats stats = started();
        stats.add(SERIES, TEN, 10_000);
        stats.add(SERIES, TEN + MINUTE, 30_000);
        started().add(SERIES, TEN + 2 * MINUTE, 40_000);

        stats.forgetExpired(TEN + RETENTION.toMillis() - 1);
        assertThat(entries(store)).isEqualTo(3);
        stats.forgetExpired(TEN + MINUTE + RETENTION.toMillis());

        assertThat(store.get(Keys.of(SERIES, String.format("%013d", TEN)))).isNull();
        assertThat(store.get(Keys.of(SERIES, String.format("%013d", TEN + MINUTE)))).isNull();
        assertThat(countAndSum(TEN + 2 * MINUTE)).containsExactly(1L, 40_000L);
    }

    @Test
    void shouldWalkAChunkOfTheStoreEachTimeTwiceTheMinutesOpenedSinceTheLastWalk() {
        MinuteStats before = started();
        for (int i = 0; i < 3_000; i++) {
            before.add(Keys.of("O1", "Q" + i, DayStatistics.WAIT), TEN, 1_000);
        }
        long now = TEN + RETENTION.toMillis();

        // a restart: nothing opened since, so the walk takes the least chunk
        MinuteStats after = started();
        after.forgetExpired(now);
        assertThat(entries(store)).isEqualTo(3_000 - MinuteStats.MIN_SWEEP);

        for (int i = 0; i < 1_500; i++) {
            after.add(Keys.of("O1", "R" + i, DayStatistics.WAIT), now, 1_000);
        }
        // 3,000 visits: the 2,000 expired minutes left, then 1,000 of the new ones, which stay
        after.forgetExpired(now);
        assertThat(entries(store)).isEqualTo(1_500);
    }

    private static long entries(KeyValueStore<String, SketchState> store) {
        try (KeyValueIterator<String, SketchState> it = store.all()) {
            long n = 0;
            for (; it.hasNext(); it.next()) {
                n++;
            }
            return n;
        }
    }

    private long[] countAndSum(long minute) {
        DurationSketch sketch = DurationSketch.fromState(store.get(Keys.of(SERIES, String.format("%013d", minute))));
        return new long[] {sketch.count(), sketch.sumMillis()};
    }
}
