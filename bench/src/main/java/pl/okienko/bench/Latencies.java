package pl.okienko.bench;

import java.util.Arrays;

/**
 * Latency samples in microseconds, filled by one thread and read after it stopped. Percentiles are
 * nearest-rank over every kept sample: no histogram buckets, no coordinated-omission correction
 * (the producer is paced by the clock, so a stall delays the samples behind it rather than hiding them).
 */
final class Latencies {

    private long[] samples = new long[1 << 12];
    private int count;

    void addMicros(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = micros;
    }

    int count() {
        return count;
    }

    Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 0.50), percentile(sorted, 0.99), count == 0 ? Double.NaN : sorted[count - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }

    /** Milliseconds; NaN when there were no samples. */
    record Summary(int count, double p50, double p99, double max) {
    }
}
