package pl.okienko.processors.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import pl.okienko.processors.stats.state.SketchState;

/**
 * A mergeable summary of durations (Q1 wait and service times): count, sum, min and max exact;
 * quantiles from logarithmic buckets whose width keeps every estimate within
 * {@link #RELATIVE_ACCURACY} of the true value (the DDSketch idea). Merging two sketches gives
 * the sketch of the union, so minute, queue and department figures combine at query time.
 *
 * <p>Quantiles use the nearest-rank definition: the q-quantile of n values is the
 * ⌈q·n⌉-th smallest.
 */
public final class DurationSketch {

    /** Half of the 1% the views promise, so a rounding step on top still stays inside. */
    public static final double RELATIVE_ACCURACY = 0.005;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    private long count;
    private long sumMillis;
    private long minMillis = Long.MAX_VALUE;
    private long maxMillis = Long.MIN_VALUE;
    /** Durations under a millisecond: the log buckets cannot hold zero. */
    private long zeroCount;
    private int firstIndex;
    private long[] counts = new long[0];

    /** Records one duration; negative values (clock skew between systems) count as zero. */
    public void add(long millis) {
        long value = Math.max(0, millis);
        count++;
        sumMillis += value;
        minMillis = Math.min(minMillis, value);
        maxMillis = Math.max(maxMillis, value);
        if (value == 0) {
            zeroCount++;
        } else {
            addToBucket(indexOf(value), 1);
        }
    }

    /** Adds every value of {@code other} to this sketch. */
    public DurationSketch merge(DurationSketch other) {
        if (other.count == 0) {
            return this;
        }
        count += other.count;
        sumMillis += other.sumMillis;
        minMillis = Math.min(minMillis, other.minMillis);
        maxMillis = Math.max(maxMillis, other.maxMillis);
        zeroCount += other.zeroCount;
        for (int i = 0; i < other.counts.length; i++) {
            if (other.counts[i] != 0) {
                addToBucket(other.firstIndex + i, other.counts[i]);
            }
        }
        return this;
    }

    public long count() {
        return count;
    }

    public long sumMillis() {
        return sumMillis;
    }

    public long maxMillis() {
        return count == 0 ? 0 : maxMillis;
    }

    public long minMillis() {
        return count == 0 ? 0 : minMillis;
    }

    /**
     * The nearest-rank q-quantile in milliseconds, within {@link #RELATIVE_ACCURACY} of the
     * true value; exact for the smallest and largest rank.
     *
     * @throws IllegalStateException when the sketch is empty
     */
    public double quantileMillis(double q) {
        if (count == 0) {
            throw new IllegalStateException("no values");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        if (rank == 1) {
            return minMillis;
        }
        if (rank == count) {
            return maxMillis;
        }
        long seen = zeroCount;
        if (seen >= rank) {
            return 0;
        }
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                double estimate = 2 * Math.pow(GAMMA, firstIndex + i) / (GAMMA + 1);
                return Math.min(maxMillis, Math.max(minMillis, estimate));
            }
        }
        return maxMillis;
    }

    /** The summary in seconds, as the views serve it. */
    public DurationStats toStats() {
        if (count == 0) {
            return DurationStats.EMPTY;
        }
        return new DurationStats(count,
                sumMillis / 1000.0 / count,
                quantileMillis(0.5) / 1000.0,
                quantileMillis(0.9) / 1000.0,
                maxMillis / 1000.0);
    }

    public SketchState toState() {
        List<Long> stored = new ArrayList<>(counts.length);
        for (long c : counts) {
            stored.add(c);
        }
        return SketchState.newBuilder()
                .setCount(count).setSumMillis(sumMillis)
                .setMinMillis(minMillis).setMaxMillis(maxMillis)
                .setZeroCount(zeroCount).setFirstIndex(firstIndex).setCounts(stored)
                .build();
    }

    public static DurationSketch fromState(SketchState state) {
        DurationSketch sketch = new DurationSketch();
        if (state == null) {
            return sketch;
        }
        sketch.count = state.getCount();
        sketch.sumMillis = state.getSumMillis();
        sketch.minMillis = state.getMinMillis();
        sketch.maxMillis = state.getMaxMillis();
        sketch.zeroCount = state.getZeroCount();
        sketch.firstIndex = state.getFirstIndex();
        sketch.counts = state.getCounts().stream().mapToLong(Long::longValue).toArray();
        return sketch;
    }

    private static int indexOf(long millis) {
        return (int) Math.ceil(Math.log(millis) / LOG_GAMMA);
    }

    private void addToBucket(int index, long n) {
        if (counts.length == 0) {
            firstIndex = index;
            counts = new long[1];
        } else if (index < firstIndex) {
            long[] grown = new long[counts.length + (firstIndex - index)];
            System.arraycopy(counts, 0, grown, firstIndex - index, counts.length);
            counts = grown;
            firstIndex = index;
        } else if (index >= firstIndex + counts.length) {
            counts = Arrays.copyOf(counts, index - firstIndex + 1);
        }
        counts[index - firstIndex] += n;
    }
}
