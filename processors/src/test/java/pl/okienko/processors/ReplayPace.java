package pl.okienko.processors;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.topics.Topics;

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

    /**
     * Replays one office's past day through a topology at this pace, with the wall clock at {@link #NOW}: the
     * office is published first, then the events, each followed by this pace's wall-clock step.
     *
     * @param sender what sends an event to its topic, made once from the driver
     * @return the alert history two hours of wall clock after the last event
     */
    public <E> List<ReplayedAlert> replay(String application, Topology topology, Path stateDir, Office office,
            List<E> events, Function<TopologyTestDriver, Consumer<E>> sender) {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology,
                StreamsSettings.properties(application, "dummy:9092", stateDir, Map.of()), NOW)) {
            Consumer<E> send = sender.apply(driver);
            TestOutputTopic<String, Alert> alerts = TestTopics.output(driver, Topics.ALERTS);
            TestTopics.input(driver, Topics.OFFICES).pipeInput(office.getOfficeId(), office);
            int index = 0;
            for (E event : events) {
                send.accept(event);
                driver.advanceWallClockTime(after(index++));
            }
            driver.advanceWallClockTime(Duration.ofHours(2));
            return ReplayedAlert.history(alerts.readValuesToList());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
