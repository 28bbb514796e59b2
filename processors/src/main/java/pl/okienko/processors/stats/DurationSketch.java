package pl.okienko.processors.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

import pl.okienko.processors.stats.state.SketchState;

/**
 * A mergeable summary of durations (Q1 wait and service times, and the other duration figures of
 * the views): count, sum, min and max exact in whole milliseconds beside a DataDog DDSketch, whose
 * logarithmic bins keep every quantile estimate within {@link #RELATIVE_ACCURACY} of the true value.
 * Merging two sketches gives the sketch of the union, so minute, queue and department figures
 * combine at query time.
 *
 * <p>Quantiles use the nearest-rank definition: the q-quantile of n values is the
 * ⌈q·n⌉-th smallest. DDSketch's own {@code getValueAtQuantile} ranks by q·(n−1), so the rank is
 * found here over the sketch's bins.
 */
public final class DurationSketch {

    /** Half of the 1% the views promise, so a rounding step on top still stays inside. */
    public static final double RELATIVE_ACCURACY = 0.005;

    /** Fixed by the code and left out of the stored bins: changing it makes stored sketches unreadable. */
    private static final IndexMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);

    // Kept as longs beside the sketch: DDSketch's summary statistics are doubles.
    private long count;
    private long sumMillis;
    private long minMillis = Long.MAX_VALUE;
    private long maxMillis = Long.MIN_VALUE;
    private final DDSketch sketch;
    /**
     * The stored form while nothing was added since it was made: a record that holds a sketch (a queue's day
     * counters) is stored at every change of its counters, and most changes leave the sketch as it was.
     */
    private SketchState stored;

    public DurationSketch() {
        this(new DDSketch(MAPPING, UnboundedSizeDenseStore::new));
    }

    private DurationSketch(DDSketch sketch) {
        this.sketch = sketch;
    }

    /** Records one duration; negative values (clock skew between systems) count as zero. */
    public void add(long millis) {
        long value = Math.max(0, millis);
        stored = null;
        count++;
        sumMillis += value;
        minMillis = Math.min(minMillis, value);
        maxMillis = Math.max(maxMillis, value);
        sketch.accept(value);
    }

    /** Adds every value of {@code other} to this sketch. */
    public DurationSketch merge(DurationSketch other) {
        if (other.count == 0) {
            return this;
        }
        stored = null;
        count += other.count;
        sumMillis += other.sumMillis;
        minMillis = Math.min(minMillis, other.minMillis);
        maxMillis = Math.max(maxMillis, other.maxMillis);
        sketch.mergeWith(other.sketch);
        return this;
    }

    public long count() {
        return count;
    }

    public long sumMillis() {
        return sumMillis;
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
        // Durations are never negative, so the values below the positive bins are the zeros.
        double seen = count - sketch.getPositiveValueStore().getTotalCount();
        if (seen >= rank) {
            return 0;
        }
        Iterator<Bin> bins = sketch.getPositiveValueStore().getAscendingIterator();
        while (bins.hasNext()) {
            Bin bin = bins.next();
            seen += bin.getCount();
            if (seen >= rank) {
                return Math.min(maxMillis, Math.max(minMillis, MAPPING.value(bin.getIndex())));
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

    /** The stored form: the exact figures, and the bins in DDSketch's own variable-length encoding. */
    public SketchState toState() {
        if (stored != null) {
            return stored;
        }
        GrowingByteArrayOutput bins = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(bins, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stored = SketchState.newBuilder()
                .setCount(count).setSumMillis(sumMillis)
                .setMinMillis(minMillis).setMaxMillis(maxMillis)
                .setBins(ByteBuffer.wrap(bins.trimmedCopy()))
                .build();
        return stored;
    }

    public static DurationSketch fromState(SketchState state) {
        if (state == null) {
            return new DurationSketch();
        }
        ByteBuffer stored = state.getBins().duplicate();
        byte[] bins = new byte[stored.remaining()];
        stored.get(bins);
        DurationSketch restored;
        try {
            restored = new DurationSketch(
                    DDSketch.decode(ByteArrayInput.wrap(bins), UnboundedSizeDenseStore::new, MAPPING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restored.count = state.getCount();
        restored.sumMillis = state.getSumMillis();
        restored.minMillis = state.getMinMillis();
        restored.maxMillis = state.getMaxMillis();
        restored.stored = state;
        return restored;
    }
}
