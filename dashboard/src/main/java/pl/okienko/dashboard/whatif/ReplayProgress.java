package pl.okienko.dashboard.whatif;

import java.time.Duration;
import java.util.Map;

/**
 * How far a what-if replay has come (issue 15): the records read of those between the period's first offsets and the
 * end offsets taken when the job started, summed over the partitions, and the time left if it goes on at the pace
 * it has kept so far.
 *
 * @param read records read so far (the replay group's committed offsets, each at most its end)
 * @param total records to read
 * @param timeLeft an estimate; null until something has been read, zero when all has
 */
public record ReplayProgress(long read, long total, Duration timeLeft) {

    /**
     * @param start the first offset of the period, by partition
     * @param end the end offset when the job started, by partition
     * @param committed the replay group's committed offset, by partition (a partition without one has read nothing)
     * @param elapsed how long the replay has run
     */
    public static ReplayProgress of(Map<String, Long> start, Map<String, Long> end, Map<String, Long> committed,
            Duration elapsed) {
        long total = 0;
        long read = 0;
        for (Map.Entry<String, Long> partition : end.entrySet()) {
            long first = start.getOrDefault(partition.getKey(), partition.getValue());
            long last = partition.getValue();
            long at = committed.getOrDefault(partition.getKey(), first);
            total += Math.max(0, last - first);
            read += Math.max(0, Math.min(at, last) - first);
        }
        return new ReplayProgress(read, total, timeLeft(read, total, elapsed));
    }

    private static Duration timeLeft(long read, long total, Duration elapsed) {
        if (read >= total) {
            return Duration.ZERO;
        }
        if (read == 0) {
            return null;
        }
        return Duration.ofMillis(Math.round(elapsed.toMillis() * (double) (total - read) / read));
    }

    /** True when every partition has been read to its end. */
    public boolean complete() {
        return read >= total;
    }

    /** Percent read, 0–100; 100 for a period with nothing to read. */
    public int percent() {
        return total == 0 ? 100 : (int) (100 * read / total);
    }
}
