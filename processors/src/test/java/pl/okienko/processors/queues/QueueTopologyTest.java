package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;

import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.directory.Department;
import pl.okienko.directory.Policy;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

class QueueTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    /** 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    /** Monday 16 November 2026, 10:00 in Warsaw. */
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    private final TestInputTopic<String, QueueEvent> queueEvents = input(Topics.QUEUE_EVENTS);
    private final TestInputTopic<String, DeskEvent> deskEvents = input(Topics.DESK_EVENTS);
    private final TestInputTopic<String, byte[]> rawQueueEvents = raw(Topics.QUEUE_EVENTS);
    private final QueueViews views = TestQueueViews.withoutAlerts(stores());
    private final QueueEvents events = new QueueEvents(OFFICE);

    QueueTopologyTest() {
        super("okienko-queues-test", QueueTopology.build(QueueConfig.defaults()), T0, testOffice(OFFICE)
                .setDepartments(List.of(new Department("D1", "Ewidencja")))
                .setQueues(List.of(new Queue("A", "D1", "Dowody"), new Queue("B", "D1", "Meldunki"),
                        new Queue("C", null, "Podatki")))
                .build());
    }

    private void queue(QueueEvent event) {
        queueEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    /** Q2 raised for {@code queueId}, the one alert step sent since the last read; returns its details to check. */
    private MapAssert<String, String> assertRaised(String queueId) {
        Alert alert = alerts.readValue();
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
        assertThat(alert.getSubjectId()).isEqualTo(queueId);
        return assertThat(alert.getDetails());
    }

    /** At {@code at}, nobody waits in {@code queueId} and its one wait of the day took {@code seconds}. */
    private void assertOneWaitToday(String queueId, double seconds, Instant at) {
        QueueLiveView queue = queue(views.live(OFFICE, at).orElseThrow(), queueId);
        assertThat(queue.waitingNow()).isZero();
        assertThat(queue.waitTime().today()).isEqualTo(new DurationStats(1, seconds, seconds, seconds, seconds));
    }

    private static QueueLiveView queue(OfficeQueuesView view, String queueId) {
        return view.queues().stream().filter(q -> q.id().equals(queueId)).findFirst().orElseThrow();
    }

    @Test
    void shouldComputeLiveWaitAndServiceStatisticsOfAScriptedMorning() {
        deskEvents.pipeInput(OFFICE, events.opened("D-1", T0, "A"));
        deskEvents.pipeInput(OFFICE, events.opened("D-2", T0, "A", "B"));
        queue(events.issued("A1", "A", at(0)));
        queue(events.issued("B1", "B", at(30)));
        queue(events.issued("A2", "A", at(60)));
        QueueEvent firstCall = events.called("A1", "D-1", at(300));
        queue(firstCall);
        queue(firstCall); // redelivered: must count once
        queue(events.started("A1", at(310)));
        queue(events.ended("A1", at(610)));
        queue(events.called("A2", "D-2", at(420)));
        queue(events.recalled("A2", "D-2", at(425)));
        queue(events.started("A2", at(430)));
        queue(events.ended("A2", at(1000)));
        queue(events.issued("A3", "A", at(500)));
        queue(events.cancelled("A3", at(700)));

        OfficeQueuesView view = views.live(OFFICE, at(1000)).orElseThrow();

        QueueLiveView a = queue(view, "A");
        // waits 300 s and 360 s; services 300 s and 570 s
        assertThat(a.waitTime().today()).isEqualTo(new DurationStats(2, 330.0, 300.0, 360.0, 360.0));
        assertThat(a.waitTime().last15Minutes()).isEqualTo(a.waitTime().today());
        assertThat(a.serviceTime().lastHour()).isEqualTo(new DurationStats(2, 435.0, 300.0, 570.0, 570.0));
        assertThat(a.waitingNow()).isZero();
        assertThat(a.desksOpen()).isEqualTo(2);
        assertThat(a.servedLastHour()).isEqualTo(2);
        assertThat(a.name()).isEqualTo("Dowody");

        QueueLiveView b = queue(view, "B");
        assertThat(b.waitingNow()).isEqualTo(1);
        assertThat(b.longestWaitSeconds()).isEqualTo(970);
        assertThat(b.desksOpen()).isEqualTo(1);

        assertThat(view.office().waitingNow()).isEqualTo(1);
        assertThat(view.office().desksOpen()).isEqualTo(2);
        assertThat(view.office().waitTime().today().count()).isEqualTo(2);
        assertThat(view.departments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("D1");
            assertThat(d.name()).isEqualTo("Ewidencja");
            assertThat(d.serviceTime().today().meanSeconds()).isEqualTo(435.0);
        });
        assertThat(view.today()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void shouldKeepDayStatisticsByTheOfficeLocalDate() {
        // 23:30 UTC on 20 November is 00:30 on 21 November in Warsaw
        Instant lateEvening = Instant.parse("2026-11-20T23:20:00Z");
        queue(events.issued("C1", "C", lateEvening));
        queue(events.called("C1", "D-9", lateEvening.plusSeconds(600)));

        assertThat(views.day(OFFICE, LocalDate.of(2026, 11, 21)).orElseThrow().queues())
                .filteredOn(q -> q.id().equals("C")).singleElement()
                .satisfies(c -> assertThat(c.waitTime()).isEqualTo(new DurationStats(1, 600.0, 600.0, 600.0, 600.0)));
        assertThat(views.day(OFFICE, LocalDate.of(2026, 11, 20)).orElseThrow().office().waitTime().count()).isZero();
    }

    @Test
    void shouldMeasureAPastDayFromReplayedEventsOfLastYear() {
        Instant lastYear = Instant.parse("2025-03-03T08:00:00Z");
        queue(events.issued("A1", "A", lastYear));
        queue(events.called("A1", "D-1", lastYear.plusSeconds(125)));
        queue(events.started("A1", lastYear.plusSeconds(130)));
        queue(events.ended("A1", lastYear.plusSeconds(430)));

        OfficeDayView day = views.day(OFFICE, LocalDate.of(2025, 3, 3)).orElseThrow();
        assertThat(day.office().waitTime()).isEqualTo(new DurationStats(1, 125.0, 125.0, 125.0, 125.0));
        assertThat(day.office().serviceTime()).isEqualTo(new DurationStats(1, 300.0, 300.0, 300.0, 300.0));
    }

    @Test
    void shouldMeasureTheWaitWhenTheCallOvertakesTheIssue() {
        queue(events.called("A7", "D-1", at(200)));
        queue(events.issued("A7", "A", at(20)));

        assertOneWaitToday("A", 180.0, at(300));
    }

    @Test
    void shouldStartANewWaitInTheTargetQueueAfterATransfer() {
        queue(events.issued("A1", "A", at(0)));
        queue(events.called("A1", "D-1", at(100)));
        queue(events.ended("A1", at(400)));
        queue(events.transferred("A1", "B", at(410)));
        assertThat(queue(views.live(OFFICE, at(500)).orElseThrow(), "B").waitingNow()).isEqualTo(1);
        queue(events.called("A1", "D-2", at(710)));

        assertOneWaitToday("B", 300.0, at(800));
    }

    @Test
    void shouldSendUnreadableRecordToDeadLetterTopicAndGoOn() {
        rawQueueEvents.pipeInput(OFFICE, "not avro at all".getBytes(StandardCharsets.UTF_8), T0);
        queue(events.issued("A1", "A", at(0)));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(DeadLetterHeader.REASON.valueIn(dead.get(0).headers())).contains("not an Avro single-object encoded");
        assertThat(DeadLetterHeader.TOPIC.valueIn(dead.get(0).headers())).isEqualTo(Topics.QUEUE_EVENTS.name());
        assertThat(views.live(OFFICE, at(10)).orElseThrow().office().waitingNow()).isEqualTo(1);
    }

    @Test
    void shouldSendEventKeyedByAnotherOfficeToDeadLetterTopic() {
        queueEvents.pipeInput("SOMEONE-ELSE", events.issued("A1", "A", at(0)), at(0));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(DeadLetterHeader.REASON.valueIn(dead.get(0).headers())).isEqualTo(
                "record key must be the officeId \"" + OFFICE + "\", was \"SOMEONE-ELSE\"");
        assertThat(views.live(OFFICE, at(10)).orElseThrow().office().waitingNow()).isZero();
    }

    @Test
    void shouldRaiseExcessiveQueueWhenWaitingCountPassesPolicyAndClearWithHysteresis() {
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setQueueWaitingLimit(5).build());
        for (int i = 1; i <= 6; i++) {
            queue(events.issued("A" + i, "A", at(i)));
        }
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
            assertThat(alert.getRule()).isEqualTo("Q2");
            assertThat(alert.getSubjectId()).isEqualTo("A");
            assertThat(alert.getDetails()).containsEntry("waiting", "6").containsEntry("waitingLimit", "5");
        });
        // 80% of 5 is 4: three waiting is calm, four is not
        queue(events.called("A1", "D-1", at(60)));
        queue(events.called("A2", "D-1", at(61)));
        assertThat(alerts.isEmpty()).isTrue();
        queue(events.called("A3", "D-1", at(62)));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.CLEARED);
            assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId());
        });
    }

    @Test
    void shouldRaiseExcessiveQueueOnTheWallClockWhenNoEventArrives() {
        queue(events.issued("C1", "C", T0));
        driver.advanceWallClockTime(Duration.ofMinutes(20));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertRaised("C").containsEntry("waiting", "1");
    }

    @Test
    void shouldRaiseExcessiveQueueWithinOneCheckWhenTheLimitIsLoweredOnAQuietQueue() {
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setQueueWaitingLimit(5).build());
        for (int i = 1; i <= 4; i++) {
            queue(events.issued("A" + i, "A", at(i)));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.isEmpty()).isTrue();

        // no event follows: the check itself must notice the new limit
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setQueueWaitingLimit(3).build());
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertRaised("A").containsEntry("waiting", "4").containsEntry("waitingLimit", "3");
    }

    @Test
    void shouldRaiseExcessiveQueueWithinOneCheckWhenTheLongestWaitLimitIsLowered() {
        queue(events.issued("C1", "C", T0));
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(alerts.isEmpty()).isTrue();

        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE)
                .setQueueLongestWaitMinutes(5).build());
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertRaised("C").containsEntry("longestWaitLimitSeconds", "300");
    }

    @Test
    void shouldFileTheOfficeDayHourByHourForTheCharts() {
        Instant ten = T0;
        queue(events.issued("A1", "A", ten));
        queue(events.issued("B1", "B", ten.plus(Duration.ofMinutes(10))));
        queue(events.issuedPriority("P1", "A", pl.okienko.events.queue.PriorityCategory.ELDERLY,
                ten.plus(Duration.ofMinutes(20))));
        queue(events.called("A1", "D-1", ten.plus(Duration.ofMinutes(30))));
        queue(events.called("P1", "D-1", ten.plus(Duration.ofMinutes(35))));
        queue(events.ended("A1", ten.plus(Duration.ofMinutes(40))));
        queue(events.ended("P1", ten.plus(Duration.ofMinutes(50))));
        // nothing happens from 11:00 to 12:00 while B1 goes on waiting
        queue(events.issued("A2", "A", ten.plus(Duration.ofMinutes(125))));
        queue(events.called("B1", "D-2", ten.plus(Duration.ofMinutes(135))));
        queue(events.cancelled("A2", ten.plus(Duration.ofMinutes(140))));

        List<QueueHourView> hours = views.hours(OFFICE, LocalDate.of(2026, 11, 20), ten.plus(Duration.ofMinutes(150)));

        assertThat(hours).containsExactly(
                // 3 waited at 10:20; A1 waited 30 min, P1 15 min, B1 50 min by 11:00
                new QueueHourView(10, 3, 2, 3, 3000, 1, 900L, 900.0),
                // B1 alone, 110 min by 12:00
                new QueueHourView(11, 0, 0, 1, 6600, 0, null, null),
                // B1 and A2 at 12:05; B1 called after 125 min
                new QueueHourView(12, 1, 0, 2, 7500, 0, null, null));
        assertThat(views.hours(OFFICE, LocalDate.of(2026, 11, 19), ten)).isEmpty();
    }

    /** A ticket of queue A issued at {@code issued} and called {@code waitSeconds} later. */
    private void waited(String ticket, Instant issued, int waitSeconds) {
        queue(events.issued(ticket, "A", issued));
        queue(events.called(ticket, "D-1", issued.plusSeconds(waitSeconds)));
    }

    /** Q1 over a period: the days' sketches merged, never the days' percentiles averaged. */
    @Test
    void shouldMergeTheDaysSketchesSoThePercentileIsOfEveryWaitOfThePeriod() {
        // Monday: ten waits of 100 s; Tuesday: two of 1000 s; Wednesday: none
        for (int i = 0; i < 10; i++) {
            waited("M" + i, MONDAY.plusSeconds(i * 1200L), 100);
        }
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
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

    @Test
    void shouldPinTheTopologyDescription() throws Exception {
        PinnedTopology.assertPinned(QueueTopology.build(QueueConfig.defaults()), "queues");
    }
}
