package pl.okienko.bench.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IncidentConsoleLatencyTest {

    @Test
    void shouldSummariseWholeMillisecondsByNearestRank() {
        Histogram ms = new Histogram(3);
        for (long value = 100; value >= 1; value--) {
            ms.recordValue(value);
        }

        // 1..100 ms: the 50th, 90th and 99th values; mean 50.5 rounds up to 51.
        assertThat(IncidentConsoleLatency.summary(ms)).isEqualTo("p50 50 ms, p90 90 ms, p99 99 ms, max 100 ms, mean 51 ms");
    }
}
