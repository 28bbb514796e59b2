package pl.okienko.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void shouldGiveNearestRankPercentilesInMillisecondsWhenSamplesAreBelowTheExactRange() {
        Latencies latencies = new Latencies();
        for (long micros = 1_000; micros >= 1; micros--) {
            latencies.addMicros(micros);
        }

        // Nearest rank of 1..1000: p50 the 500th value, p99 the 990th.
        assertThat(latencies.summary()).isEqualTo(new Latencies.Summary(1_000, 0.5, 0.99, 1.0));
    }

    @Test
    void shouldStayWithinATenthOfAPercentForLargeLatencies() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.addMicros(i * 10_000L + 7);
        }

        Latencies.Summary summary = latencies.summary();

        // Nearest rank of 10.007, 20.007, ... 1000.007 ms: p50 the 50th, p99 the 99th.
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(500.007, within(500.007 * 0.001));
        assertThat(summary.p99()).isCloseTo(990.007, within(990.007 * 0.001));
        assertThat(summary.max()).isCloseTo(1_000.007, within(1_000.007 * 0.001));
    }

    @Test
    void shouldGiveNaNWhenThereWereNoSamples() {
        // A record's equals compares doubles as Double.compare does, so NaN equals NaN.
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, Double.NaN, Double.NaN, Double.NaN));
    }
}
