package pl.okienko.processors.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Department;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Policy;
import pl.okienko.events.incident.EscalationTarget;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentOutcome;

import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.common.DeadLetters;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

class IncidentTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    /** 10:00 in Warsaw; the driver's wall clock starts here too. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final TestInputTopic<String, IncidentEvent> events = input(Topics.INCIDENT_EVENTS);
    private final TestInputTopic<String, byte[]> rawEvents = raw(Topics.INCIDENT_EVENTS);
    private final IncidentViews views = new IncidentViews(stores());
    private final IncidentEvents make = new IncidentEvents(OFFICE);

    IncidentTopologyTest() {
        super("okienko-incidents-test", IncidentTopology.build(IncidentConfig.defaults()), T0, testOffice(OFFICE)
                .setDepartments(List.of(new Department("WSO", "Wydział Spraw Obywatelskich")))
                .setDesks(List.of(new Desk("D1", "WSO", "Stanowisko 1"), new Desk("D2", "WSO", "Stanowisko 2")))
                .build());
    }

    private void send(IncidentEvent event) {
        events.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    @Test
    void shouldReRaiseAndEscalateAtExactlyThePolicyTimeAndNeverAfterTheAcknowledgement() {
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setIncidentAckSeconds(45).build());
        send(make.reported("i1", "D1", 3, T0));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getType()).isEqualTo(AlertType.INCIDENT);
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getAt()).isEqualTo(T0);
            assertThat(a.getRule()).isEqualTo("I1");
            assertThat(a.getDetails()).containsEntry("level", "3").containsEntry("deskId", "D1")
                    .containsEntry("departmentId", "WSO").containsEntry("escalation", "SUPERVISOR");
        });

        driver.advanceWallClockTime(Duration.ofSeconds(44));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RERAISED);
            assertThat(a.getAt()).isEqualTo(at(45));
            assertThat(a.getRaisedAt()).isEqualTo(T0);
            assertThat(a.getDetails()).containsEntry("escalation", "SECURITY").containsEntry("reraises", "1");
        });

        driver.advanceWallClockTime(Duration.ofSeconds(44));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getAt()).isEqualTo(at(90));
            assertThat(a.getDetails()).containsEntry("escalation", "POLICE").containsEntry("reraises", "2");
        });

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        send(make.acknowledged("i1", "ochrona.anna", at(100)));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(a.getBy()).isEqualTo("ochrona.anna");
            assertThat(a.getAcknowledgedAt()).isEqualTo(at(100));
        });
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(views.live(OFFICE, at(800)).office().policeEscalations()).isEqualTo(1);
        assertThat(views.live(OFFICE, at(800)).office().reraises()).isEqualTo(2);
    }

    @Test
    void shouldTreatAPanicButtonPressedThreeTimesAsOneIncident() {
        IncidentEvent first = make.panic("p1", "D2", T0);
        send(first);
        send(first); // redelivered by the button's gateway
        send(make.panic("p1", "D2", at(3)));
        send(make.panic("p2", "D2", at(6))); // the gateway numbers every press

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getSubjectId()).isEqualTo("p1");
            assertThat(a.getDetails()).containsEntry("panic", "true").containsEntry("escalation", "SECURITY");
        });
        OfficeIncidentsView view = views.live(OFFICE, at(10));
        assertThat(view.open()).singleElement().satisfies(i -> assertThat(i.incidentId()).isEqualTo("p1"));
        assertThat(view.office().incidents()).isEqualTo(1);
        assertThat(view.office().panicButtons()).isEqualTo(1);

        // events that name the second press reach the one incident
        send(make.acknowledged("p2", "ochrona.bartek", at(20)));
        assertThat(alerts.readValuesToList()).singleElement()
                .satisfies(a -> assertThat(a.getBy()).isEqualTo("ochrona.bartek"));
    }

    @Test
    void shouldRaiseTheAlertAcknowledgedWhenTheAcknowledgementArrivesBeforeTheReport() {
        send(make.acknowledged("i7", "ochrona.anna", at(30)));
        assertThat(alerts.isEmpty()).isTrue();
        send(make.reported("i7", "D1", 4, T0));

        assertThat(alerts.readValuesToList()).extracting(Alert::getState, Alert::getBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, "ochrona.anna"),
                org.assertj.core.groups.Tuple.tuple(AlertState.ACKNOWLEDGED, "ochrona.anna"));
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(views.live(OFFICE, at(60)).office().timeToAcknowledge())
                .isEqualTo(new DurationStats(1, 30.0, 30.0, 30.0, 30.0));
    }

    @Test
    void shouldClearAnAlertResolvedBeforeAnyoneAcknowledgedAndRaiseItNoMore() {
        send(make.escalated("i3", EscalationTarget.SECURITY, T0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getState).containsExactly(AlertState.RAISED);
        driver.advanceWallClockTime(Duration.ofSeconds(20));
        send(make.resolved("i3", IncidentOutcome.CLIENT_LEFT, at(20)));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.CLEARED);
            assertThat(a.getBy()).isNull();
            assertThat(a.getDetails()).containsEntry("outcome", "CLIENT_LEFT");
        });
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(views.live(OFFICE, at(400)).open()).isEmpty();
    }

    @Test
    void shouldRaiseTheAlertWhenTheLevelOfTheSameIncidentRisesFromTwoToThree() {
        send(make.reported("i4", "D1", 2, T0));
        assertThat(alerts.isEmpty()).isTrue();
        send(make.reported("i4", "D1", 3, at(40)));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getDetails()).containsEntry("level", "3");
        });
        OfficeIncidentsView view = views.live(OFFICE, at(50));
        assertThat(view.office().incidents()).isEqualTo(1);
        assertThat(view.office().byLevel()).isEqualTo(Map.of(3, 1L));
    }

    @Test
    void shouldMeasureADayByLevelWithTimesToAcknowledgeAndResolvePerOfficeAndDesk() {
        send(make.reported("i1", "D1", 3, T0));
        send(make.acknowledged("i1", "anna", at(30)));
        send(make.resolved("i1", IncidentOutcome.CALMED, at(300)));
        send(make.reported("i2", "D2", 4, at(60)));
        send(make.escalated("i2", EscalationTarget.POLICE, at(70)));
        send(make.acknowledged("i2", "bartek", at(150)));
        send(make.resolved("i2", IncidentOutcome.POLICE_INTERVENED, at(660)));
        send(make.reported("i3", "D1", 1, at(120)));
        send(make.resolved("i3", IncidentOutcome.CALMED, at(180)));

        OfficeIncidentsView day = views.day(OFFICE, LocalDate.of(2026, 11, 20));
        assertThat(day.office().incidents()).isEqualTo(3);
        assertThat(day.office().byLevel()).isEqualTo(Map.of(1, 1L, 3, 1L, 4, 1L));
        assertThat(day.office().policeEscalations()).isEqualTo(1);
        // acknowledged after 30 s and 90 s
        DurationStats ack = day.office().timeToAcknowledge();
        assertThat(ack.count()).isEqualTo(2);
        assertThat(ack.meanSeconds()).isEqualTo(60.0);
        assertThat(ack.maxSeconds()).isEqualTo(90.0);
        assertThat(ack.p90Seconds()).isCloseTo(90.0, within(0.9));
        // resolved after 300 s, 600 s and 60 s
        DurationStats resolve = day.office().timeToResolve();
        assertThat(resolve.count()).isEqualTo(3);
        assertThat(resolve.meanSeconds()).isEqualTo(320.0);
        assertThat(resolve.maxSeconds()).isEqualTo(600.0);
        assertThat(resolve.p90Seconds()).isCloseTo(600.0, within(6.0));
        assertThat(day.desks()).extracting(OfficeIncidentsView.DeskIncidents::deskId).containsExactly("D1", "D2");
        assertThat(day.desks().get(0).stats().incidents()).isEqualTo(2);
        assertThat(day.desks().get(0).stats().byLevel()).isEqualTo(Map.of(1, 1L, 3, 1L));
        assertThat(day.desks().get(0).stats().timeToResolve().meanSeconds()).isEqualTo(180.0);
        assertThat(day.desks().get(1).stats().policeEscalations()).isEqualTo(1);
        assertThat(views.day(OFFICE, LocalDate.of(2026, 11, 19)).office()).isEqualTo(IncidentDayStats.EMPTY);
    }

    @Test
    void shouldWarnSupervisorsOfAHotspotDeskAndDepartmentAndClearItWhenTheWindowPasses() {
        send(make.reported("i1", "D1", 2, T0));
        send(make.reported("i2", "D2", 1, at(60)));
        assertThat(alerts.isEmpty()).isTrue();
        send(make.reported("i3", "D1", 2, at(600)));

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getType, Alert::getSubjectType, Alert::getSubjectId, Alert::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertType.INCIDENT_HOTSPOT, "desk", "D1", AlertState.RAISED),
                        org.assertj.core.groups.Tuple.tuple(AlertType.INCIDENT_HOTSPOT, "department", "WSO",
                                AlertState.RAISED));
        assertThat(raised.get(0).getDetails()).containsEntry("incidents", "2").containsEntry("threshold", "2");

        // the window of 30 min passes the first incident 30 min after it happened
        driver.advanceWallClockTime(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValuesToList()).extracting(Alert::getSubjectId, Alert::getState).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("D1", AlertState.CLEARED),
                org.assertj.core.groups.Tuple.tuple("WSO", AlertState.CLEARED));
    }

    @Test
    void shouldNeverClearAReplayedHotspotBeforeItWasRaised() {
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setHotspotIncidents(1).build());
        Instant lastYear = Instant.parse("2025-03-03T08:00:00Z");
        send(make.reported("i1", "D1", 1, lastYear.plusSeconds(5000)));
        send(make.reported("i2", "D1", 2, lastYear.plusSeconds(100)));  // reported 80 min late: its window has passed
        send(make.reported("i3", "D1", 1, lastYear.plusSeconds(6000)));

        List<Alert> desk = alerts.readValuesToList().stream().filter(a -> a.getSubjectType().equals("desk")).toList();
        assertThat(desk).extracting(Alert::getState, Alert::getAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, lastYear.plusSeconds(5000)),
                org.assertj.core.groups.Tuple.tuple(AlertState.CLEARED, lastYear.plusSeconds(5000)));
    }

    @Test
    void shouldForgetAResolvedIncidentAndThePressesMergedIntoItAfterTheRetentionButKeepTheDayMeasures() {
        TestOutputTopic<String, String> aliasChangelog = driver.createOutputTopic(
                "okienko-incidents-test-" + IncidentStore.ALIASES.storeName() + "-changelog", Serdes.String().deserializer(),
                Serdes.String().deserializer());
        send(make.panic("p1", "D2", T0));
        send(make.panic("p2", "D2", at(6))); // merged into p1
        send(make.acknowledged("p2", "ochrona.bartek", at(20)));
        send(make.resolved("p1", IncidentOutcome.CALMED, at(120)));
        assertThat(keys(IncidentStore.ALIASES.storeName())).containsExactly(OFFICE + "|p2");
        aliasChangelog.readRecordsToList();

        // Its last event came at the wall clock's T0: kept two days from then.
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(views.incidents(OFFICE)).extracting(IncidentView::incidentId).containsExactly("p1");
        assertThat(keys(IncidentStore.ALIASES.storeName())).containsExactly(OFFICE + "|p2");

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(views.incidents(OFFICE)).isEmpty();
        assertThat(keys(IncidentStore.ALIASES.storeName())).isEmpty();
        assertThat(aliasChangelog.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OFFICE + "|p2", null));
        IncidentDayStats day = views.day(OFFICE, LocalDate.of(2026, 11, 20)).office();
        assertThat(day.incidents()).isEqualTo(1);
        assertThat(day.panicButtons()).isEqualTo(1);
        assertThat(day.timeToAcknowledge()).isEqualTo(new DurationStats(1, 20.0, 20.0, 20.0, 20.0));
        assertThat(day.timeToResolve()).isEqualTo(new DurationStats(1, 120.0, 120.0, 120.0, 120.0));
    }

    @Test
    void shouldNeverForgetAnOpenIncidentNorThePressesMergedIntoIt() {
        send(make.panic("p1", "D1", T0));
        send(make.panic("p2", "D1", at(5))); // merged into p1
        send(make.acknowledged("p1", "ochrona.anna", at(15)));

        driver.advanceWallClockTime(Duration.ofDays(30));

        assertThat(views.live(OFFICE, T0.plus(Duration.ofDays(30))).open()).extracting(IncidentView::incidentId)
                .containsExactly("p1");
        assertThat(keys(IncidentStore.ALIASES.storeName())).containsExactly(OFFICE + "|p2");
        send(make.resolved("p2", IncidentOutcome.CALMED, at(600)));
        assertThat(views.incidents(OFFICE)).singleElement()
                .satisfies(i -> assertThat(i.resolvedAt()).isEqualTo(at(600)));
    }

    @Test
    void shouldForgetAReportThatRaisedNoAlertAndWasNeverResolvedAfterThirtyQuietDays() {
        send(make.reported("v1", "D1", 1, T0));   // a first insult: no alert (I1)
        send(make.reported("t1", "D1", 3, at(1))); // a threat: alerted, acknowledged, never resolved
        send(make.acknowledged("t1", "ochrona.anna", at(30)));
        alerts.readValuesToList();

        driver.advanceWallClockTime(Duration.ofDays(30));
        assertThat(views.incidents(OFFICE)).extracting(IncidentView::incidentId).containsExactlyInAnyOrder("v1", "t1");
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(views.incidents(OFFICE)).extracting(IncidentView::incidentId).containsExactly("t1");
        assertThat(alerts.isEmpty()).as("forgetting a report changes no alert").isTrue();
        assertThat(views.day(OFFICE, LocalDate.of(2026, 11, 20)).office().incidents()).isEqualTo(2);
    }

    @Test
    void shouldKeepOneWakeUpPerIncidentAtItsAcknowledgementDeadlineOrWhenItMayBeForgotten() {
        send(make.reported("t1", "D1", 3, T0));
        assertThat(keys(IncidentStore.WAKEUPS.storeName())).containsExactly(wakeUp(T0.plusSeconds(60), "t1"));

        driver.advanceWallClockTime(Duration.ofSeconds(60));  // not acknowledged: raised again, next deadline in 60 s
        assertThat(keys(IncidentStore.WAKEUPS.storeName())).containsExactly(wakeUp(T0.plusSeconds(120), "t1"));

        send(make.resolved("t1", IncidentOutcome.CALMED, at(70)));  // processed at the wall clock's T0 + 60 s
        assertThat(keys(IncidentStore.WAKEUPS.storeName())).containsExactly(
                wakeUp(T0.plusSeconds(60).plus(Duration.ofDays(2)).plusMillis(1), "t1"));
    }

    private static String wakeUp(Instant at, String incidentId) {
        return String.format("%013d", at.toEpochMilli()) + "|" + OFFICE + "|" + incidentId;
    }

    @Test
    void shouldForgetAliasesLeftBehindByIncidentsForgottenBeforeAliasesWent() {
        send(make.panic("p1", "D1", T0));
        send(make.panic("p2", "D1", at(5))); // merged into p1
        var aliases = driver.<String, String>getKeyValueStore(IncidentStore.ALIASES.storeName());
        // As an earlier version left them: the incidents they point to are long forgotten.
        aliases.put(OFFICE + "|old2", "old1");
        aliases.put("UM-OTHER|old3", "old1");

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(keys(IncidentStore.ALIASES.storeName())).containsExactly(OFFICE + "|p2");
    }

    @Test
    void shouldSendAnUnreadableRecordToTheDeadLetterTopicAndGoOn() {
        rawEvents.pipeInput(OFFICE, "panic!".getBytes(StandardCharsets.UTF_8), T0);
        send(make.panic("p1", "D1", T0));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(DeadLetterHeader.TOPIC.valueIn(dead.get(0).headers())).isEqualTo(Topics.INCIDENT_EVENTS.name());
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldDeadLetterAFourMegabyteRecordBoundedAndGoOn() throws Exception {
        byte[] huge = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        rawEvents.pipeInput(OFFICE, huge, T0);
        send(make.panic("p1", "D1", T0));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).hasSize(DeadLetters.MAX_KEEP);
        assertThat(DeadLetterHeader.REASON.valueIn(letter.headers()))
                .isEqualTo("the record has 4194304 bytes, more than the limit of 16384 bytes of one event");
        assertThat(DeadLetterHeader.VALUE_SIZE.valueIn(letter.headers())).isEqualTo("4194304");
        assertThat(DeadLetterHeader.VALUE_SHA256.valueIn(letter.headers())).isEqualTo(java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(huge)));
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldDeadLetterAnEventWhoseIdIsOverTheLimitAndGoOn() {
        send(make.panic("p".repeat(600 * 1024 / 100), "D1", T0));
        send(make.panic("p1", "D1", T0));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(DeadLetterHeader.REASON.valueIn(dead.get(0).headers()))
                .isEqualTo("field \"incidentId\" may have at most 128 characters, had 6144");
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldShowTheConsoleAllClearAndTodaysLogWithThePoliceStepTheOutcomeAndTheNote() {
        send(make.reported("yesterday", "D2", 2, T0.minus(Duration.ofDays(1))));
        send(make.reported("i1", "D1", 3, T0));
        send(make.acknowledged("i1", "anna", at(30)));
        send(make.reported("i2", "D2", 1, at(60)));
        send(make.escalated("i1", EscalationTarget.POLICE, "anna", at(120)));
        // the same step again, as a second guard's click: the first stands
        send(make.escalated("i1", EscalationTarget.POLICE, "bartek", at(130)));

        IncidentViews.ConsoleView during = views.console(Optional.empty(), at(200));
        assertThat(during.allClear()).isFalse();
        assertThat(during.alerts()).singleElement().satisfies(i -> {
            assertThat(i.incidentId()).isEqualTo("i1");
            assertThat(i.policeNotifiedAt()).isEqualTo(at(120));
            assertThat(i.policeNotifiedBy()).isEqualTo("anna");
        });

        send(make.resolved("i1", IncidentOutcome.CALMED, "anna", "Client calmed down and left", at(300)));
        IncidentViews.ConsoleView after = views.console(Optional.of(Set.of(OFFICE)), at(400));

        assertThat(after.allClear()).isTrue();
        assertThat(after.alerts()).isEmpty();
        assertThat(after.log()).extracting(IncidentView::incidentId).containsExactly("i2", "i1");
        IncidentView resolved = after.log().get(1);
        assertThat(resolved.reportedAt()).isEqualTo(T0);
        assertThat(resolved.acknowledgedBy()).isEqualTo("anna");
        assertThat(resolved.acknowledgedAt()).isEqualTo(at(30));
        assertThat(resolved.policeNotified()).isTrue();
        assertThat(resolved.policeNotifiedAt()).isEqualTo(at(120));
        assertThat(resolved.resolvedAt()).isEqualTo(at(300));
        assertThat(resolved.outcome()).isEqualTo("CALMED");
        assertThat(resolved.resolvedBy()).isEqualTo("anna");
        assertThat(resolved.note()).isEqualTo("Client calmed down and left");
        assertThat(after.log().get(0).policeNotified()).isFalse();
        assertThat(views.live(OFFICE, at(400)).office().policeEscalations()).isEqualTo(1);
        assertThat(views.console(Optional.of(Set.of("ANOTHER-OFFICE")), at(400)).log()).isEmpty();
        assertThat(views.incident(OFFICE, "i1")).map(IncidentView::note).contains("Client calmed down and left");
        assertThat(views.incident(OFFICE, "nothing-of-the-kind")).isEmpty();
    }

    @Test
    void shouldRaiseTheAlertOfADeskTheDirectoryListsWithoutADepartment() {
        office(testOffice(OFFICE).setDesks(List.of(new Desk("K2", null, "Kasa 2"))).build());

        send(make.reported("i1", "K2", 4, T0));

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getDetails()).containsEntry("deskId", "K2").doesNotContainKey("departmentId");
        });
    }

    @Test
    void shouldPinTheTopologyDescription() throws Exception {
        PinnedTopology.assertPinned(IncidentTopology.build(IncidentConfig.defaults()), "incidents");
    }
}
