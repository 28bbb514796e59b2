package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.events.queue.PriorityCategory.DISABLED;
import static pl.okienko.events.queue.PriorityCategory.ELDERLY;
import static pl.okienko.events.queue.PriorityCategory.PREGNANT;
import static pl.okienko.events.queue.PriorityCategory.SMALL_CHILD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.TestInputTopic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.topics.Topics;

/** Priority service (P1, P2), call order (Q3), outcomes (Q4) and pauses (Q5) on the queue topology. */
class PriorityTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-PRIO";
    /** 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private final TestInputTopic<String, QueueEvent> queueEvents = input(Topics.QUEUE_EVENTS);
    private final TestInputTopic<String, DeskEvent> deskEvents = input(Topics.DESK_EVENTS);
    private final QueueViews views = TestQueueViews.withoutAlerts(stores());
    private final QueueEvents events = new QueueEvents(OFFICE);

    PriorityTopologyTest() {
        super("okienko-priority-test", QueueTopology.build(QueueConfig.defaults()), T0);
    }

    @BeforeEach
    void start() {
        office(Office.newBuilder().setOfficeId(OFFICE)
                .setName("Urząd").setDepartments(List.of(new Department("D", "Ewidencja")))
                .setQueues(List.of(new Queue("A", "D", "Dowody"), new Queue("B", "D", "Meldunki"))).build());
        desk("D1", "A");
        desk("D2", "A", "B");
        desk("D3", "B");
    }

    private void desk(String deskId, String... queues) {
        deskEvents.pipeInput(OFFICE, events.opened(deskId, T0.minusSeconds(3600), queues), T0.minusSeconds(3600));
    }

    private void send(QueueEvent event) {
        queueEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    private ServiceDayView queue(LocalDate date, String queueId) {
        return views.priorityDay(OFFICE, date).orElseThrow().queues().stream()
                .filter(q -> q.id().equals(queueId)).findFirst().orElseThrow();
    }

    @Test
    void shouldCountBypassesDeclinesAndFulfilmentOfAScriptedMorning() {
        send(events.issued("R1", "A", at(-60)));
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.offered("P1", true, at(10)));
        send(events.issued("R2", "A", at(20)));
        send(events.called("R1", "D1", at(60)));   // bypass 1 of P1
        send(events.called("R2", "D2", at(90)));   // bypass 2 of P1
        send(events.called("P1", "D1", at(120)));  // waited 120 s, bypassed twice
        send(events.issuedPriority("P2", "A", PREGNANT, at(130)));
        send(events.called("P2", "D2", at(200)));  // waited 70 s, no bypass: fulfilled
        send(events.issuedPriority("P3", "A", DISABLED, at(210)));
        send(events.offered("P3", false, at(215))); // declines: waits as a regular client
        send(events.issued("R3", "A", at(220)));
        send(events.called("R3", "D1", at(230)));  // no bypass (P3 declined), but out of order: P3 came first
        send(events.called("P3", "D1", at(400)));

        ServiceDayView.Priority p = queue(DAY, "A").priority();
        assertThat(p.byCategory()).containsExactlyInAnyOrderEntriesOf(Map.of("ELDERLY", 1L, "PREGNANT", 1L, "DISABLED", 1L));
        assertThat(p.offered()).isEqualTo(2);
        assertThat(p.accepted()).isEqualTo(1);
        assertThat(p.declined()).isEqualTo(1);
        assertThat(p.eligible()).isEqualTo(2);
        assertThat(p.fulfilled()).isEqualTo(1);
        assertThat(p.fulfilmentRate()).isEqualTo(0.5);
        assertThat(p.ticketsWithBypasses()).isEqualTo(1);
        assertThat(p.bypasses()).isEqualTo(2);
        assertThat(p.waitTime()).isEqualTo(new DurationStats(2, 95.0, 70.0, 120.0, 120.0));

        ServiceDayView.CallOrder order = queue(DAY, "A").callOrder();
        // R1, R2, R3 and the declined P3
        assertThat(order.regularCalls()).isEqualTo(4);
        assertThat(order.outOfOrderCalls()).isEqualTo(1);

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getType, Alert::getState, Alert::getSubjectId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertType.PRIORITY_WAITING, AlertState.RAISED, "P1"),
                org.assertj.core.groups.Tuple.tuple(AlertType.PRIORITY_WAITING, AlertState.CLEARED, "P1"));
        assertThat(raised.get(0).getRule()).isEqualTo("P1");
        assertThat(raised.get(0).getDetails()).containsEntry("bypasses", "1").containsEntry("category", "ELDERLY");
    }

    @Test
    void shouldRaisePriorityWaitingOnTheWallClockWhenTheTargetPasses() {
        send(events.issuedPriority("P1", "B", SMALL_CHILD, T0));
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(alerts.isEmpty()).as("exactly at the target nothing is wrong yet").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getType()).isEqualTo(AlertType.PRIORITY_WAITING);
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getDetails()).containsEntry("waitSeconds", "301").containsEntry("bypasses", "0");
        });
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(alerts.isEmpty()).as("raised once").isTrue();

        List<PriorityClientView> waiting = views.priority(OFFICE, T0.plusSeconds(311)).orElseThrow().waitingNow();
        assertThat(waiting).singleElement().satisfies(c -> {
            assertThat(c.waitSeconds()).isEqualTo(311);
            assertThat(c.overTarget()).isTrue();
            assertThat(c.warned()).isTrue();
            assertThat(c.queueName()).isEqualTo("Meldunki");
        });
        send(events.called("P1", "D3", T0.plusSeconds(320)));
        assertThat(alerts.readValuesToList()).singleElement()
                .satisfies(a -> assertThat(a.getState()).isEqualTo(AlertState.CLEARED));
        assertThat(views.priority(OFFICE, T0.plusSeconds(330)).orElseThrow().waitingNow()).isEmpty();
    }

    @Test
    void shouldNotCountCallsByADeskNotServingTheQueueNorRecallsNorTransferredTickets() {
        send(events.issued("R1", "A", at(0)));
        send(events.issued("R2", "A", at(1)));
        send(events.called("R1", "D1", at(2)));
        send(events.issuedPriority("P1", "A", ELDERLY, at(10)));
        send(events.called("R2", "D3", at(20)));    // D3 serves only B
        send(events.recalled("R1", "D1", at(30)));  // a recall
        send(events.issued("X1", "B", at(0)));
        send(events.called("X1", "D3", at(5)));
        send(events.ended("X1", ServiceOutcome.REDIRECTED, at(40)));
        send(events.transferred("X1", "A", at(41)));
        send(events.called("X1", "D1", at(50)));    // came by transfer
        send(events.called("P1", "D1", at(60)));

        ServiceDayView.Priority p = queue(DAY, "A").priority();
        assertThat(p.bypasses()).isZero();
        assertThat(p.fulfilled()).isEqualTo(1);
        assertThat(queue(DAY, "B").outcomes().transfers()).isEqualTo(1);
    }

    @Test
    void shouldFollowAPriorityClientTransferredWhileWaiting() {
        send(events.issuedPriority("P1", "A", DISABLED, at(0)));
        send(events.issued("RA", "A", at(1)));
        send(events.issued("RB", "B", at(2)));
        send(events.transferred("P1", "B", at(60)));
        send(events.called("RA", "D1", at(70)));   // queue A: P1 no longer there
        send(events.called("RB", "D2", at(80)));   // queue B, desk serves B: a bypass
        send(events.called("P1", "D3", at(100)));

        ServiceDayView.Priority b = queue(DAY, "B").priority();
        assertThat(b.bypasses()).isEqualTo(1);
        assertThat(b.waitTime()).isEqualTo(new DurationStats(1, 100.0, 100.0, 100.0, 100.0));
        assertThat(queue(DAY, "A").priority().eligible()).isZero();
        assertThat(queue(DAY, "A").outcomes().transfers()).isEqualTo(1);
    }

    @Test
    void shouldEndTheServiceAtATransferThatArrivesBeforeItsRedirectedEnd() {
        // the desk system sent the transfer first
        transferToBBeforeTheRedirectedEndAt(at(400));

        assertServedInAForThenRedirectedAndInBAfterAWait();
    }

    @Test
    void shouldIgnoreARedirectedEndStampedJustAfterTheTransferThatCameFirst() {
        // the desk terminal stamps the end a moment after the transfer button
        transferToBBeforeTheRedirectedEndAt(at(400).plusMillis(250));

        assertServedInAForThenRedirectedAndInBAfterAWait();
    }

    /**
     * P1 served in A from 130 s, transferred to B at 400 s, the REDIRECTED end arriving after the
     * transfer and stamped {@code redirectedEndAt}; waiting in B, called there at 460 s, its service ended at 760 s.
     */
    private void transferToBBeforeTheRedirectedEndAt(Instant redirectedEndAt) {
        send(events.issuedPriority("P1", "A", DISABLED, at(0)));
        send(events.called("P1", "D1", at(100)));
        send(events.started("P1", at(130)));
        send(events.transferred("P1", "B", at(400)));
        send(events.ended("P1", ServiceOutcome.REDIRECTED, redirectedEndAt));
        assertThat(views.live(OFFICE, at(420)).orElseThrow().queues())
                .filteredOn(q -> q.id().equals("B")).singleElement()
                .satisfies(b -> assertThat(b.waitingNow()).isEqualTo(1));
        send(events.called("P1", "D3", at(460)));
        send(events.ended("P1", at(760)));
    }

    @Test
    void shouldIgnoreTheOldDesksEventsArrivingAfterTheClientWasCalledInTheNewQueue() {
        send(events.issuedPriority("P1", "A", DISABLED, at(0)));
        send(events.called("P1", "D1", at(100)));
        send(events.started("P1", at(130)));
        send(events.transferred("P1", "B", at(400)));
        send(events.called("P1", "D3", at(460)));
        send(events.ended("P1", ServiceOutcome.REDIRECTED, at(400)));  // A's end, late
        send(events.paused("P1", 5, at(200)));                        // A's pause, late
        send(events.recalled("P1", "D1", at(150)));                    // A's recall, late
        send(events.ended("P1", at(760)));

        assertServedInAForThenRedirectedAndInBAfterAWait();
        assertThat(queue(DAY, "A").pauses().pauses()).isZero();
        assertThat(queue(DAY, "B").pauses().pauses()).isZero();
        assertThat(queue(DAY, "B").outcomes().redirected()).isZero();
        assertThat(views.live(OFFICE, at(800)).orElseThrow().office().waitingNow()).isZero();
    }

    /** Called in A at 100, served from 130, transferred to B at 400, called there at 460, served until 760. */
    private void assertServedInAForThenRedirectedAndInBAfterAWait() {
        ServiceDayView a = queue(DAY, "A");
        assertThat(a.outcomes().ended()).isEqualTo(1);
        assertThat(a.outcomes().redirected()).isEqualTo(1);
        assertThat(a.outcomes().transfers()).isEqualTo(1);
        assertThat(a.priority().waitTime()).isEqualTo(new DurationStats(1, 100.0, 100.0, 100.0, 100.0));
        ServiceDayView b = queue(DAY, "B");
        assertThat(b.outcomes().ended()).isEqualTo(1);
        assertThat(b.outcomes().resolved()).isEqualTo(1);
        assertThat(b.priority().waitTime()).isEqualTo(new DurationStats(1, 60.0, 60.0, 60.0, 60.0));
        OfficeDayView day = views.day(OFFICE, DAY).orElseThrow();
        assertThat(day.queues()).filteredOn(q -> q.id().equals("A")).singleElement()
                .satisfies(q -> assertThat(q.serviceTime()).isEqualTo(new DurationStats(1, 270.0, 270.0, 270.0, 270.0)));
        assertThat(day.queues()).filteredOn(q -> q.id().equals("B")).singleElement()
                .satisfies(q -> assertThat(q.serviceTime()).isEqualTo(new DurationStats(1, 300.0, 300.0, 300.0, 300.0)));
    }

    @Test
    void shouldJudgeLateIssuesAgainstCallsWithinTheGracePeriod() {
        send(events.issued("R5", "A", at(20)));
        send(events.called("R5", "D1", at(100)));
        send(events.issuedPriority("P1", "A", ELDERLY, at(50)));  // arrives late: R5 was called past it
        send(events.issued("R0", "A", at(10)));                  // arrives late: R5 was called before it
        send(events.called("R0", "D1", at(110)));  // a second bypass of P1, in order for R0
        send(events.called("P1", "D2", at(120)));

        ServiceDayView view = queue(DAY, "A");
        assertThat(view.priority().bypasses()).isEqualTo(2);
        // R5 called before R0, who was issued first; R0 in order
        assertThat(view.callOrder()).isEqualTo(new ServiceDayView.CallOrder(2, 1, 0.5));
    }

    @Test
    void shouldCountAPriorityClientWhoLeavesOnlyWhenAlreadyFailed() {
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.issued("R1", "A", at(1)));
        send(events.called("R1", "D1", at(30)));  // bypass
        send(events.cancelled("P1", at(40)));
        send(events.issuedPriority("P2", "A", PREGNANT, at(50)));
        send(events.cancelled("P2", at(80)));     // left early, never failed

        ServiceDayView.Priority p = queue(DAY, "A").priority();
        assertThat(p.byCategory()).containsOnlyKeys("ELDERLY", "PREGNANT");
        assertThat(p.eligible()).isEqualTo(1);
        assertThat(p.leftWaiting()).isEqualTo(1);
        assertThat(p.fulfilled()).isZero();
        assertThat(p.waitTime().count()).isZero();
    }

    @Test
    void shouldCountBypassesOnlyWhilePriorityIsNotDeclined() {
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.offered("P1", false, at(5)));
        send(events.issued("R1", "A", at(6)));
        send(events.issued("R2", "A", at(7)));
        send(events.called("R1", "D1", at(10)));  // declined: no bypass
        send(events.offered("P1", true, at(20)));
        send(events.called("R2", "D1", at(30)));  // accepted: bypass
        send(events.called("P1", "D1", at(40)));

        ServiceDayView.Priority p = queue(DAY, "A").priority();
        assertThat(p.bypasses()).isEqualTo(1);
        assertThat(p.accepted()).isEqualTo(1);
        assertThat(p.declined()).isZero();
        assertThat(p.eligible()).isEqualTo(1);
    }

    @Test
    void shouldCountARedeliveredCallOnce() {
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.issued("R1", "A", at(1)));
        QueueEvent call = events.called("R1", "D1", at(10));
        send(call);
        send(call);
        send(events.called("P1", "D1", at(20)));
        assertThat(queue(DAY, "A").priority().bypasses()).isEqualTo(1);
        assertThat(queue(DAY, "A").callOrder().regularCalls()).isEqualTo(1);
    }

    @Test
    void shouldCountOutcomesSameVisitResolutionAndPauses() {
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.called("P1", "D1", at(10)));
        send(events.started("P1", at(15)));
        send(events.paused("P1", 5, at(20)));
        send(events.resumed("P1", at(20 + 6 * 60)));         // 6 min against 5 announced: overrun
        send(events.ended("P1", ServiceOutcome.RESOLVED, at(500)));
        send(events.issuedPriority("P2", "A", ELDERLY, at(1)));
        send(events.called("P2", "D2", at(510)));
        send(events.paused("P2", 5, at(520)));
        send(events.ended("P2", ServiceOutcome.FOLLOW_UP, at(520 + 4 * 60))); // pause ends with the service: 4 min
        send(events.issued("R1", "A", at(2)));
        send(events.called("R1", "D1", at(800)));
        send(events.paused("R1", null, at(810)));
        send(events.resumed("R1", at(900)));
        send(events.ended("R1", ServiceOutcome.REDIRECTED, at(950)));
        send(events.transferred("R1", "B", at(951)));
        send(events.issued("R2", "A", at(3)));
        send(events.called("R2", "D1", at(960)));
        send(events.ended("R2", ServiceOutcome.RESOLVED, at(1000)));

        ServiceDayView a = queue(DAY, "A");
        assertThat(a.outcomes().ended()).isEqualTo(4);
        assertThat(a.outcomes().resolved()).isEqualTo(2);
        assertThat(a.outcomes().followUp()).isEqualTo(1);
        assertThat(a.outcomes().redirected()).isEqualTo(1);
        assertThat(a.outcomes().resolvedRate()).isEqualTo(0.5);
        assertThat(a.outcomes().transfers()).isEqualTo(1);
        assertThat(a.outcomes().transfersPerVisit()).isEqualTo(0.25);
        assertThat(a.priority().sameVisitResolutionByCategory()).containsExactlyEntriesOf(Map.of("ELDERLY", 0.5));
        assertThat(a.pauses()).isEqualTo(new ServiceDayView.Pauses(3, 2, 1, 0.5));

        OfficePriorityView office = views.priorityDay(OFFICE, DAY).orElseThrow();
        assertThat(office.office().outcomes().ended()).isEqualTo(4);
        assertThat(office.departments()).singleElement()
                .satisfies(d -> assertThat(d.pauses().pauses()).isEqualTo(3));
    }

    @Test
    void shouldClearYesterdaysPriorityWarningWhenTheTicketNumberIsIssuedAgain() {
        send(events.issuedPriority("A-1", "A", ELDERLY, T0));
        driver.advanceWallClockTime(Duration.ofMinutes(5).plusSeconds(2));
        assertThat(alerts.readValuesToList()).singleElement()
                .satisfies(a -> assertThat(a.getState()).isEqualTo(AlertState.RAISED));

        Instant nextDay = T0.plus(Duration.ofDays(1));
        send(events.issued("A-1", "A", nextDay));   // the client of yesterday never came back

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.CLEARED);
            assertThat(a.getSubjectId()).isEqualTo("A-1");
        });
        assertThat(views.priority(OFFICE, nextDay.plusSeconds(60)).orElseThrow().waitingNow()).isEmpty();
        send(events.called("A-1", "D1", nextDay.plusSeconds(60)));
        assertThat(queue(DAY, "A").priority().eligible()).isZero();
        assertThat(queue(DAY.plusDays(1), "A").priority().eligible()).isZero();
        assertThat(queue(DAY.plusDays(1), "A").callOrder().regularCalls()).isEqualTo(1);
    }

    @Test
    void shouldClearAPriorityWarningWhenServiceEndsWithoutAReportedCall() {
        send(events.issuedPriority("P1", "A", DISABLED, T0));
        driver.advanceWallClockTime(Duration.ofMinutes(5).plusSeconds(2));
        assertThat(alerts.readValuesToList()).hasSize(1);

        send(events.ended("P1", ServiceOutcome.RESOLVED, T0.plusSeconds(400)));

        assertThat(alerts.readValuesToList()).singleElement()
                .satisfies(a -> assertThat(a.getState()).isEqualTo(AlertState.CLEARED));
        assertThat(views.priority(OFFICE, T0.plusSeconds(410)).orElseThrow().waitingNow()).isEmpty();
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("not raised again").isTrue();
    }

    @Test
    void shouldWarnAgainAtOnceWhenAClientPassedOverTakesUpPriorityAgain() {
        send(events.issuedPriority("P1", "A", ELDERLY, at(0)));
        send(events.issued("R1", "A", at(10)));
        send(events.called("R1", "D1", at(20)));   // bypass: raised
        send(events.offered("P1", false, at(30))); // declines: cleared
        send(events.offered("P1", true, at(40)));  // takes it up again: passed over once, warned again

        List<Alert> steps = alerts.readValuesToList();
        assertThat(steps).extracting(Alert::getState, Alert::getAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, at(20)),
                org.assertj.core.groups.Tuple.tuple(AlertState.CLEARED, at(30)),
                org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, at(40)));
        assertThat(steps.get(2).getAlertId()).isNotEqualTo(steps.get(0).getAlertId());
        assertThat(steps.get(2).getDetails()).containsEntry("bypasses", "1");
    }

    @Test
    void shouldKeepAPriorityAnswerThatArrivedBeforeTheIssue() {
        send(events.offered("P1", false, at(1)));
        send(events.issuedPriority("P1", "A", PREGNANT, at(0)));
        send(events.issued("R1", "A", at(2)));
        send(events.called("R1", "D1", at(30)));   // P1 declined: no bypass
        send(events.called("P1", "D1", at(60)));

        ServiceDayView.Priority p = queue(DAY, "A").priority();
        assertThat(p.offered()).isEqualTo(1);
        assertThat(p.declined()).isEqualTo(1);
        assertThat(p.eligible()).isZero();
        assertThat(p.bypasses()).isZero();
    }

    @Test
    void shouldCountAWaitOnTheOfficeLocalDayItEnded() {
        Instant beforeMidnight = Instant.parse("2026-11-20T22:58:00Z"); // 23:58 in Warsaw
        send(events.issuedPriority("P1", "A", ELDERLY, beforeMidnight));
        send(events.called("P1", "D1", beforeMidnight.plusSeconds(180)));  // 00:01 on the 21st
        assertThat(queue(LocalDate.of(2026, 11, 21), "A").priority().eligible()).isEqualTo(1);
        assertThat(queue(LocalDate.of(2026, 11, 20), "A").priority().eligible()).isZero();
    }
}
