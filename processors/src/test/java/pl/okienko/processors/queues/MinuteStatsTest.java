package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;

class MinuteStatsTest {

    private static final String SERIES = Keys.of("O1", "A", DayStatistics.WAIT);
    private static final long TEN = Instant.parse("2026-11-16T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final KeyValueStore<String, SketchState> store = InMemoryStores.keyValue("byMinute",
            AvroSerde.of(SketchState.class));
    private final KeyValueStore<String, String> expiry = InMemoryStores.keyValue("expiry", Serdes.String());

    private MinuteStats started() {
        return new MinuteStats(store, EventWrites.immediate(), new DeadlineIndex(expiry), Duration.ofHours(3));
    }

    @Test
    void shouldAddToMinutesStoredBeforeTheStartWhetherLatestOrEarlier() {
        MinuteStats before = started();
        before.add("O1", SERIES, TEN, 10_000);
        before.add("O1", SERIES, TEN + 2 * MINUTE, 20_000);

        // a restart: a new instance over the same store, knowing nothing of what it holds
        MinuteStats after = started();
        after.add("O1", SERIES, TEN + 2 * MINUTE, 40_000);
        after.add("O1", SERIES, TEN, 30_000);
        after.add("O1", SERIES, TEN + 3 * MINUTE, 50_000);
        after.add("O1", SERIES, TEN + MINUTE, 60_000);

        assertThat(countAndSum(TEN)).containsExactly(2L, 40_000L);
        assertThat(countAndSum(TEN + MINUTE)).containsExactly(1L, 60_000L);
        assertThat(countAndSum(TEN + 2 * MINUTE)).containsExactly(2L, 60_000L);
        assertThat(countAndSum(TEN + 3 * MINUTE)).containsExactly(1L, 50_000L);
    }

    @Test
    void shouldScheduleEachNewMinuteToBeForgottenOnce() {
        MinuteStats stats = started();
        stats.add("O1", SERIES, TEN, 10_000);
        stats.add("O1", SERIES, TEN, 20_000);
        stats.add("O1", SERIES, TEN + MINUTE, 30_000);
        started().add("O1", SERIES, TEN + MINUTE, 40_000);

        assertThat(entries(expiry)).isEqualTo(2);
        stats.forgetExpired(TEN + Duration.ofHours(3).toMillis());
        assertThat(store.get(Keys.of(SERIES, String.format("%013d", TEN)))).isNull();
        assertThat(countAndSum(TEN + MINUTE)).containsExactly(2L, 70_000L);
    }

    private static long entries(KeyValueStore<String, String> store) {
        try (KeyValueIterator<String, String> it = store.all()) {
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
