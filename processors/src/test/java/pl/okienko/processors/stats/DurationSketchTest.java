package pl.okienko.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DurationSketchTest {

    /** Nearest-rank quantile of sorted values, the definition the views promise. */
    private static long nearestRank(long[] sorted, double q) {
        int rank = (int) Math.max(1, Math.ceil(q * sorted.length));
        return sorted[rank - 1];
    }

    @Test
    void shouldKeepCountMeanAndMaxExact() {
        DurationSketch sketch = new DurationSketch();
        long[] values = {60_000, 120_000, 90_500, 1, 0};
        for (long v : values) {
            sketch.add(v);
        }
        assertThat(sketch.count()).isEqualTo(5);
        assertThat(sketch.sumMillis()).isEqualTo(60_000 + 120_000 + 90_500 + 1);
        DurationStats stats = sketch.toStats();
        assertThat(stats.meanSeconds()).isEqualTo((60_000 + 120_000 + 90_500 + 1) / 1000.0 / 5);
        assertThat(stats.maxSeconds()).isEqualTo(120.0);
    }

    @Test
    void shouldEstimateQuantilesWithinOnePercentOfNearestRank() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(3000);
            long[] values = new long[n];
            DurationSketch sketch = new DurationSketch();
            for (int i = 0; i < n; i++) {
                // waits from a second to two hours, heavy-tailed like real queues
                values[i] = (long) (1000 * Math.exp(random.nextDouble() * Math.log(7200)));
                sketch.add(values[i]);
            }
            Arrays.sort(values);
            for (double q : new double[] {0.5, 0.9, 0.99}) {
                double truth = nearestRank(values, q);
                assertThat(sketch.quantileMillis(q)).as("q=%s n=%s", q, n).isCloseTo(truth, within(truth * 0.01));
            }
        }
    }

    @Test
    void shouldGiveTheSameAnswersWhenMergedAsWhenBuiltWhole() {
        DurationSketch whole = new DurationSketch();
        DurationSketch left = new DurationSketch();
        DurationSketch right = new DurationSketch();
        for (long v = 1; v <= 2000; v += 7) {
            whole.add(v * 997);
            (v % 2 == 0 ? left : right).add(v * 997);
        }
        DurationSketch merged = new DurationSketch().merge(left).merge(right);
        assertThat(merged.toStats()).isEqualTo(whole.toStats());
    }

    @Test
    void shouldSurviveStorageRoundTrip() {
        DurationSketch sketch = new DurationSketch();
        for (long v : new long[] {5_000, 300_000, 301_000, 0, 7_200_000}) {
            sketch.add(v);
        }
        assertThat(DurationSketch.fromState(sketch.toState()).toStats()).isEqualTo(sketch.toStats());
    }

    @Test
    void shouldReportEmptyStatsWithoutValues() {
        assertThat(new DurationSketch().toStats()).isEqualTo(DurationStats.EMPTY);
    }

    @Test
    void shouldStoreWhatWasAddedAfterAnEarlierStoredForm() {
        DurationSketch sketch = DurationSketch.fromState(null);
        sketch.add(4_000);
        DurationSketch restored = DurationSketch.fromState(sketch.toState());
        restored.toState();
        restored.add(10_000);
        restored.merge(sketch);

        DurationSketch stored = DurationSketch.fromState(restored.toState());

        // 4 s, 10 s and 4 s again: count 3, sum 18 s, max 10 s
        assertThat(stored.count()).isEqualTo(3);
        assertThat(stored.sumMillis()).isEqualTo(18_000);
        assertThat(stored.quantileMillis(1.0)).isEqualTo(10_000);
        assertThat(stored.toState()).isEqualTo(restored.toState());
    }
}
