package pl.okienko.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency samples in microseconds, in an HdrHistogram filled by one thread and read after it
 * stopped. Percentiles are nearest-rank at three significant digits (a shown figure is off by at
 * most 0.1 %); no coordinated-omission correction, since the producer is paced by the clock, so a
 * stall delays the samples behind it rather than hiding them.
 */
final class Latencies {

    private final Histogram micros = new Histogram(3);

    void addMicros(long micros) {
        this.micros.recordValue(micros);
    }

    Summary summary() {
        if (micros.getTotalCount() == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(Math.toIntExact(micros.getTotalCount()), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
    }

    /** Milliseconds; NaN when there were no samples. */
    record Summary(int count, double p50, double p99, double max) {
    }
}
