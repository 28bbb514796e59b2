package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.topics.Topics;

/** Q1 over a period: the days' sketches merged, never the days' percentiles averaged. */
class QueuePeriodTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    /** Monday 16 November 2026, 10:00 in Warsaw. */
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    private final TestInputTopic<String, QueueEvent> queueEvents = input(Topics.QUEUE_EVENTS);
    private final QueueViews views = TestQueueViews.withoutAlerts(stores());
    private final QueueEvents events = new QueueEvents(OFFICE);

    QueuePeriodTest() {
        super("okienko-queues-period-test", QueueTopology.build(QueueConfig.defaults()), T0);
    }

    @BeforeEach
    void start() {
        office(Office.newBuilder().setOfficeId(OFFICE).setName("Urząd testowy")
                .setDepartments(List.of(new Department("D1", "Ewidencja")))
                .setQueues(List.of(new Queue("A", "D1", "Dowody"))).build());
    }

    /** A ticket of queue A issued at {@code issued} and called {@code waitSeconds} later. */
    private void waited(String ticket, Instant issued, int waitSeconds) {
        for (QueueEvent e : List.of(events.issued(ticket, "A", issued),
                events.called(ticket, "D-1", issued.plusSeconds(waitSeconds)))) {
            queueEvents.pipeInput(OFFICE, e, e.getOccurredAt());
        }
    }

    @Test
    void shouldMergeTheDaysSketchesSoThePercentileIsOfEveryWaitOfThePeriod() {
        // Monday: ten waits of 100 s; Tuesday: two of 1000 s; Wednesday: none
        for (int i = 0; i < 10; i++) {
            waited("M" + i, MONDAY.plusSeconds(i * 1200L), 100);
        }
        Instant tuesday = MONDAY.plus(java.time.Duration.ofDays(1));
        waited("T0", tuesday, 1000);
        waited("T1", tuesday.plusSeconds(3600), 1000);

        PeriodView<OfficeDayView> view = views.dayPeriod(OFFICE,
                new Period(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 18)), Granularity.DAY).orElseThrow();

        // 12 waits: mean (10·100 + 2·1000) / 12 = 250 s; p90 is the ⌈0.9·12⌉ = 11th smallest, 1000 s
        DurationStats period = view.total().office().waitTime();
        assertThat(period.count()).isEqualTo(12);
        assertThat(period.meanSeconds()).isEqualTo(250.0);
        assertThat(period.maxSeconds()).isEqualTo(1000.0);
        assertThat(period.p90Seconds()).isCloseTo(1000.0, withinPercentage(1));
        assertThat(view.total().date()).isEqualTo(LocalDate.of(2026, 11, 16));

        List<DurationStats> days = view.rows().stream().map(r -> r.figures().office().waitTime()).toList();
        assertThat(days).extracting(DurationStats::count).containsExactly(10L, 2L, 0L);
        assertThat(view.rows()).extracting(PeriodView.Row::period)
                .containsExactly("2026-11-16", "2026-11-17", "2026-11-18");
        // the average of the days' figures would be (100 + 1000) / 2 = 550 s for both the mean and the p90
        double averagedP90 = (days.get(0).p90Seconds() + days.get(1).p90Seconds()) / 2;
        assertThat(averagedP90).isCloseTo(550.0, withinPercentage(1));
        assertThat(period.p90Seconds()).isNotCloseTo(averagedP90, withinPercentage(10));
        assertThat(views.day(OFFICE, LocalDate.of(2026, 11, 17)).orElseThrow().office().waitTime())
                .isEqualTo(days.get(1));
    }
}
