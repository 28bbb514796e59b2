package pl.okienko.processors;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * How much wall-clock time passes after each record of a replay in a TopologyTestDriver test.
 *
 * @param name what the pace is, for the test's name
 * @param afterRecord the wall-clock time to advance after the record at an index (0-based)
 */
public record ReplayPace(String name, IntFunction<Duration> afterRecord) {

    /** The day the replay tests replay: 9:00 in Warsaw on 3 March 2025. */
    public static final Instant DAY = Instant.parse("2025-03-03T08:00:00Z");
    /** The wall clock of a replay, long after that day. */
    public static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    /** The paces a replay must not depend on: none, steady short and long steps, bursts. */
    public static Stream<ReplayPace> paces() {
        return Stream.of(steady(Duration.ZERO), steady(Duration.ofSeconds(1)), steady(Duration.ofMinutes(10)),
                new ReplayPace("bursts of 3 records, then 1 h",
                        index -> (index + 1) % 3 == 0 ? Duration.ofHours(1) : Duration.ZERO));
    }

    private static ReplayPace steady(Duration step) {
        return new ReplayPace(step + " after every record", index -> step);
    }

    public Duration after(int index) {
        return afterRecord.apply(index);
    }

    @Override
    public String toString() {
        return name;
    }
}
