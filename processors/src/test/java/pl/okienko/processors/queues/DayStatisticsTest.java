package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.period.LocalHours;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;

class DayStatisticsTest {

    /** 00:30 on 21 November in Warsaw, still the 20th in UTC. */
    private static final long AFTER_LOCAL_MIDNIGHT = Instant.parse("2026-11-20T23:30:20Z").toEpochMilli();

    private final KeyValueStore<String, QueueDayCounters> counters = InMemoryStores.keyValue("days",
            AvroSerde.of(QueueDayCounters.class));
    private final KeyValueStore<String, SketchState> byDay = InMemoryStores.keyValue("byDay",
            AvroSerde.of(SketchState.class));
    private final KeyValueStore<String, SketchState> byMinute = InMemoryStores.keyValue("byMinute",
            AvroSerde.of(SketchState.class));
    private final DayStatistics days = new DayStatistics(counters, byDay,
            new MinuteStats(byMinute, EventWrites.immediate(),
                    Duration.ofHours(3)),
            EventWrites.immediate(), officeId -> ZoneId.of("Europe/Warsaw"), new LocalHours());

    @Test
    void shouldCountIntoTheOfficeLocalDay() {
        days.update("O1", "A", AFTER_LOCAL_MIDNIGHT, QueueDay::transferOut);
        days.update("O1", "A", AFTER_LOCAL_MIDNIGHT + 1_000, QueueDay::transferOut);

        assertThat(counters.get(Keys.of("O1", "A", "2026-11-21")).getTransfersOut()).isEqualTo(2);
        assertThat(counters.get(Keys.of("O1", "A", "2026-11-20"))).isNull();
    }

    @Test
    void shouldAddADurationToItsMinuteAndToItsLocalDay() {
        days.record("O1", "A", DayStatistics.WAIT, 90_000, AFTER_LOCAL_MIDNIGHT);
        days.record("O1", "A", DayStatistics.WAIT, 30_000, AFTER_LOCAL_MIDNIGHT + 30_000);

        DurationSketch day = DurationSketch.fromState(byDay.get(Keys.of("O1", "A", DayStatistics.WAIT, "2026-11-21")));
        assertThat(day.count()).isEqualTo(2);
        assertThat(day.sumMillis()).isEqualTo(120_000);
        // 23:30:20 and 23:30:50 UTC fall in the minute that starts at 23:30:00
        long minute = Instant.parse("2026-11-20T23:30:00Z").toEpochMilli();
        assertThat(byMinute.get(Keys.of("O1", "A", DayStatistics.WAIT, String.format("%013d", minute))))
                .satisfies(sketch -> assertThat(DurationSketch.fromState(sketch).count()).isEqualTo(2));
    }
}
