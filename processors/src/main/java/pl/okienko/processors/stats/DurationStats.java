package pl.okienko.processors.stats;

/**
 * Summary of a set of durations (Q1 wait and service times): count, mean and max exact,
 * p50 and p90 within 1% relative error. All durations in seconds; null when count is 0.
 */
public record DurationStats(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double maxSeconds) {

    public static final DurationStats EMPTY = new DurationStats(0, null, null, null, null);
}
