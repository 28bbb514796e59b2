package pl.okienko.processors.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.charset.StandardCharsets;
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
import pl.okienko.directory.Mailbox;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.email.EmailEvent;

import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.policy.PolicyKeys;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

class CorrespondenceTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    /** Friday 20 November 2026, 10:00 in Warsaw: the driver's wall clock starts here. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final TestInputTopic<String, EmailEvent> emailEvents = input(Topics.EMAIL_EVENTS);
    private final TestInputTopic<String, ComplaintEvent> complaintEvents = input(Topics.COMPLAINT_EVENTS);
    private final TestInputTopic<String, byte[]> rawEmailEvents = raw(Topics.EMAIL_EVENTS);
    private final CorrespondenceViews views = new CorrespondenceViews(stores());
    private final CorrespondenceEvents events = new CorrespondenceEvents(OFFICE);

    CorrespondenceTopologyTest() {
        super("okienko-correspondence-test", CorrespondenceTopology.build(CorrespondenceConfig.defaults()), T0,
                testOffice().build());
    }

    @BeforeEach
    void start() {
        Policy taxes = Policy.newBuilder().setOfficeId(OFFICE).setScope(PolicyScope.MAILBOX).setScopeId("podatki")
                .setEmailReplyHours(8).setReadReceiptMinutes(5).build();
        policies.pipeInput(PolicyKeys.mailbox(OFFICE, "podatki"), taxes);
    }

    /** No business hours listed (Monday to Friday 08:00–16:00), Polish holidays. */
    private static Office.Builder testOffice() {
        return testOffice(OFFICE)
                .setDepartments(List.of(new Department("WSO", "Sprawy obywatelskie"), new Department("WPO", "Podatki")))
                .setMailboxes(List.of(new Mailbox("sekretariat", null, "Sekretariat"),
                        new Mailbox("dowody", "WSO", "Dowody osobiste"), new Mailbox("podatki", "WPO", "Podatki")));
    }

    private void email(EmailEvent event) {
        emailEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    private void complaint(ComplaintEvent event) {
        complaintEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    @Test
    void shouldRaiseEmailOverdueWithinASecondOfItsDueWithNoOtherEventAndClearItOnTheReply() {
        Instant due = T0.plusSeconds(30);
        email(events.received("m-1", "dowody", due.minus(DAY), false));

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(alerts.isEmpty()).as("at the due millisecond a reply is still on time").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        Alert raised = alerts.readValue();
        assertThat(raised.getType()).isEqualTo(AlertType.EMAIL_OVERDUE);
        assertThat(raised.getRule()).isEqualTo("E1");
        assertThat(raised.getState()).isEqualTo(AlertState.RAISED);
        assertThat(raised.getSubjectType()).isEqualTo("email");
        assertThat(raised.getSubjectId()).isEqualTo("m-1");
        assertThat(raised.getAt()).isAfter(due).isBeforeOrEqualTo(due.plusSeconds(1));
        assertThat(raised.getDetails()).containsEntry("mailboxId", "dowody").containsEntry("departmentId", "WSO")
                .containsEntry("dueAt", due.toString());
        assertThat(views.email(OFFICE, T0.plusSeconds(31)).orElseThrow().overdue())
                .singleElement().satisfies(item -> assertThat(item.secondsLeft()).isEqualTo(-1));

        email(events.replied("m-1", T0.plusSeconds(40)));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(cleared -> {
            assertThat(cleared.getState()).isEqualTo(AlertState.CLEARED);
            assertThat(cleared.getAlertId()).isEqualTo(raised.getAlertId());
        });
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldClearTheAlertWhenAHoldingReplySetsADateAheadAndRaiseAgainWhenThatDatePasses() {
        email(events.received("m-2", "sekretariat", T0.minus(Duration.ofHours(30)), false));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        Alert first = alerts.readValue();
        assertThat(first.getState()).isEqualTo(AlertState.RAISED);

        Instant promised = T0.plus(Duration.ofHours(1));
        email(events.holding("m-2", T0.plusSeconds(2), promised));
        assertThat(alerts.readValue().getState()).isEqualTo(AlertState.CLEARED);

        driver.advanceWallClockTime(Duration.between(T0.plusSeconds(1), promised));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        Alert second = alerts.readValue();
        assertThat(second.getState()).isEqualTo(AlertState.RAISED);
        assertThat(second.getAlertId()).isNotEqualTo(first.getAlertId());
        assertThat(second.getDetails()).containsEntry("dueAt", promised.toString()).containsEntry("holdingReplies", "1");

        // the holding reply came after 24 h: a breach of E1, though it set the new date
        EmailFigures day = views.emailDay(OFFICE, LocalDate.of(2026, 11, 19), T0.plus(Duration.ofHours(2)))
                .orElseThrow().office();
        assertThat(day.respondedLate()).isEqualTo(1);
        assertThat(day.withinTargetRate()).isEqualTo(0.0);
        assertThat(day.overdue()).isEqualTo(1);
    }

    @Test
    void shouldRaiseNoAlertForADeadlineThatPassedBeforeTheAlertHorizon() {
        email(events.received("old", "sekretariat", T0.minus(Duration.ofDays(30)), false));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(alerts.isEmpty()).isTrue();
        assertThat(views.email(OFFICE, T0).orElseThrow().overdue()).extracting(EmailItem::messageId).containsExactly("old");
    }

    @Test
    void shouldGiveExactFiguresOfADayPerMailboxDepartmentAndOffice() {
        Instant morning = Instant.parse("2026-11-16T08:00:00Z"); // Monday 09:00 in Warsaw
        // dowody (24 h): replied in 2 h with a read receipt after 4 min
        email(events.received("d1", "dowody", morning, true));
        email(events.readReceipt("d1", morning.plus(Duration.ofMinutes(4))));
        email(events.replied("d1", morning.plus(Duration.ofHours(2))));
        // dowody: holding reply after 20 h promising Friday, answered Thursday
        email(events.received("d2", "dowody", morning.plusSeconds(60), false));
        email(events.holding("d2", morning.plus(Duration.ofHours(20)), Instant.parse("2026-11-20T15:00:00Z")));
        email(events.replied("d2", Instant.parse("2026-11-19T10:00:00Z")));
        // dowody: the reply arrives before its received event, 30 h after receipt: late
        email(events.replied("d3", morning.plus(Duration.ofHours(31))));
        email(events.received("d3", "dowody", morning.plus(Duration.ofHours(1)), false));
        // podatki (8 h by its mailbox policy): replied after 9 h, read receipt after 6 min (target 5)
        email(events.received("p1", "podatki", morning, true));
        email(events.readReceipt("p1", morning.plus(Duration.ofMinutes(6))));
        email(events.replied("p1", morning.plus(Duration.ofHours(9))));
        // sekretariat: spam closed, and one still open with no response (due Tuesday 09:00): a breach by now
        email(events.received("s1", "sekretariat", morning, false));
        email(events.closed("s1", morning.plus(Duration.ofHours(30))));
        EmailEvent open = events.received("s2", "sekretariat", morning, true);
        email(open);
        email(open); // redelivered: counts once
        // another day's e-mail does not count on Monday
        email(events.received("x1", "dowody", Instant.parse("2026-11-17T08:00:00Z"), false));

        OfficeEmailView view = views.emailDay(OFFICE, LocalDate.of(2026, 11, 16), T0).orElseThrow();

        EmailFigures dowody = mailbox(view, "dowody");
        // d1 replied and d2 held within 24 h, d3 late; d1 and d2 answered on time, d3 late; d1's read receipt in 4 min
        assertThat(dowody).usingRecursiveComparison().ignoringFields("firstResponseTime").isEqualTo(new EmailFigures(
                "dowody", "Dowody osobiste", 3, 1, 1, 1, 0, 2.0 / 3, 1, 2, 1, 0, 0, 0,
                new EmailFigures.ReadReceiptFigures(1, 1, 0, 0, new DurationStats(1, 240.0, 240.0, 240.0, 240.0)), null));
        // first responses: 2 h, 20 h − 60 s, 30 h
        assertThat(dowody.firstResponseTime()).satisfies(first -> {
            assertThat(first.count()).isEqualTo(3);
            assertThat(first.meanSeconds()).isEqualTo((7200 + 71940 + 108000) / 3.0);
            assertThat(first.maxSeconds()).isEqualTo(108000.0);
            // percentiles come from the sketch's log buckets (0.5% relative accuracy)
            assertThat(first.p50Seconds()).isCloseTo(71940.0, withinPercentage(0.5));
        });

        EmailFigures podatki = mailbox(view, "podatki");
        assertThat(podatki.respondedLate()).isEqualTo(1);
        assertThat(podatki.answeredLate()).isEqualTo(1);
        assertThat(podatki.readReceipts().late()).isEqualTo(1);

        // s1 closed as spam; s2 open with no response past its due, its read receipt pending
        assertThat(mailbox(view, "sekretariat")).isEqualTo(new EmailFigures("sekretariat", "Sekretariat", 2, 0, 0, 0, 1,
                0.0, 0, 0, 0, 1, 1, 1, new EmailFigures.ReadReceiptFigures(1, 0, 0, 1, DurationStats.EMPTY),
                DurationStats.EMPTY));

        assertThat(view.departments()).extracting(EmailFigures::id).containsExactly("WSO", "WPO");
        assertThat(view.departments().get(0).received()).isEqualTo(3);
        EmailFigures office = view.office();
        assertThat(office.received()).isEqualTo(6);
        // d1, d2 met; d3, p1 late; s2 open past its due; s1 closed as spam is not decided
        assertThat(office.withinTargetRate()).isEqualTo(2.0 / 5);
        assertThat(office.readReceipts().requested()).isEqualTo(3);
        assertThat(view.open()).extracting(EmailItem::messageId).containsExactly("s2");
        // live: every open e-mail, overdue first
        assertThat(views.email(OFFICE, T0).orElseThrow().open()).extracting(EmailItem::messageId)
                .containsExactly("s2", "x1");
    }

    @Test
    void shouldWarnThatAComplaintIsDueSoonAndRaiseOverdueAtItsDeadlineWithNoOtherEvent() {
        // registered Tuesday 20 October 2026: due at the end of Friday 20 November (KPA art. 57 §3)
        complaint(events.registered("k-1", "WSO", Instant.parse("2026-10-20T08:00:00Z")));
        Instant due = Instant.parse("2026-11-20T22:59:59.999Z");

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        Alert soon = alerts.readValue();
        assertThat(soon.getType()).isEqualTo(AlertType.COMPLAINT_DUE_SOON);
        assertThat(soon.getRule()).isEqualTo("C1");
        assertThat(soon.getDetails()).containsEntry("dueAt", due.toString()).containsEntry("registerNumber", "R-k-1");
        assertThat(views.complaints(OFFICE, T0.plusSeconds(1)).orElseThrow().open()).singleElement()
                .satisfies(item -> {
                    assertThat(item.dueSoon()).isTrue();
                    assertThat(item.secondsLeft()).isEqualTo(Duration.between(T0.plusSeconds(1), due).toSeconds());
                });

        driver.advanceWallClockTime(Duration.between(T0.plusSeconds(1), due));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<Alert> atDeadline = alerts.readValuesToList();
        assertThat(atDeadline).extracting(Alert::getType, Alert::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertType.COMPLAINT_DUE_SOON, AlertState.CLEARED),
                org.assertj.core.groups.Tuple.tuple(AlertType.COMPLAINT_OVERDUE, AlertState.RAISED));
        assertThat(atDeadline.get(1).getAt()).isAfter(due).isBeforeOrEqualTo(due.plusSeconds(1));

        Instant answered = due.plusSeconds(5);
        complaint(events.answered("k-1", answered));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getType()).isEqualTo(AlertType.COMPLAINT_OVERDUE);
            assertThat(a.getState()).isEqualTo(AlertState.CLEARED);
        });
        ComplaintFigures day = views.complaintsDay(OFFICE, LocalDate.of(2026, 10, 20), answered).orElseThrow().office();
        assertThat(day).isEqualTo(new ComplaintFigures(OFFICE, "Urząd testowy", 1, 1, 0, 0, 1, 0.0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldRescheduleTheDueSoonWarningWhenThePolicyChangesItsLength() {
        // registered Tuesday 27 October 2026: due at the end of Friday 27 November, Warsaw time
        complaint(events.registered("k-3", "WSO", Instant.parse("2026-10-27T08:00:00Z")));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.isEmpty()).as("5 days ahead by default: from 22 November").isTrue();

        officePolicy(10);  // from 17 November: already begun
        driver.advanceWallClockTime(ComplaintProcessor.POLICY_CHECK_INTERVAL);
        assertThat(alerts.readValuesToList()).extracting(Alert::getType, Alert::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertType.COMPLAINT_DUE_SOON, AlertState.RAISED));

        officePolicy(3);  // from 24 November 00:00 in Warsaw: not yet
        driver.advanceWallClockTime(ComplaintProcessor.POLICY_CHECK_INTERVAL);
        assertThat(alerts.readValuesToList()).extracting(Alert::getType, Alert::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertType.COMPLAINT_DUE_SOON, AlertState.CLEARED));

        Instant warnFrom = Instant.parse("2026-11-23T23:00:00Z");
        Instant now = T0.plusSeconds(1).plus(ComplaintProcessor.POLICY_CHECK_INTERVAL.multipliedBy(2));
        driver.advanceWallClockTime(Duration.between(now, warnFrom).minusSeconds(1));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getType()).isEqualTo(AlertType.COMPLAINT_DUE_SOON);
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getAt()).isEqualTo(warnFrom);
        });
    }

    @Test
    void shouldNameOnlyTheOfficesWhosePoliciesChanged() {
        Map<String, Integer> before = Map.of("UM-A", 5, "UM-B/department/WSO", 5, "UM-C/mailbox/x", 5);
        Map<String, Integer> after = new java.util.HashMap<>(Map.of("UM-A", 5, "UM-B/department/WSO", 7, "UM-D", 3));
        after.put("UM-C/mailbox/x", null);

        assertThat(ComplaintProcessor.changedOffices(before, after)).containsExactly("UM-B", "UM-C", "UM-D");
    }

    private void officePolicy(int complaintDueSoonDays) {
        policies.pipeInput(PolicyKeys.office(OFFICE), Policy.newBuilder().setOfficeId(OFFICE).setScope(PolicyScope.OFFICE)
                .setComplaintDueSoonDays(complaintDueSoonDays).build());
    }

    @Test
    void shouldMoveAComplaintDeadlinePastTheOfficesOwnDayOffAndTheWeekendAfterIt() {
        offices.pipeInput(OFFICE, testOffice().setDaysOff(List.of("2026-11-20")).build());
        // registered Tuesday 20 October 2026: one month is Friday 20 November, the office's day off;
        // then Saturday and Sunday: due at the end of Monday 23 November in Warsaw
        complaint(events.registered("k-3", "WSO", Instant.parse("2026-10-20T08:00:00Z")));

        assertThat(views.complaints(OFFICE, T0).orElseThrow().open()).singleElement()
                .satisfies(item -> assertThat(item.dueAt()).isEqualTo(Instant.parse("2026-11-23T22:59:59.999Z")));
    }

    @Test
    void shouldMoveTheDeadlineOnANotifiedExtensionAndCountExtensionsWithAndWithoutNotice() {
        complaint(events.registered("k-2", "WPO", Instant.parse("2026-10-20T08:00:00Z")));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(alerts.readValue().getState()).isEqualTo(AlertState.RAISED);

        complaint(events.extended("k-2", T0.plusSeconds(2), Instant.parse("2026-12-10T12:00:00Z"), false));
        assertThat(alerts.isEmpty()).as("no notice: the deadline the party relies on stands").isTrue();
        complaint(events.extended("k-2", T0.plusSeconds(3), Instant.parse("2026-12-18T12:00:00Z"), true));
        assertThat(alerts.readValue().getState()).isEqualTo(AlertState.CLEARED);

        OfficeComplaintsView view = views.complaints(OFFICE, T0.plusSeconds(4)).orElseThrow();
        assertThat(view.open()).singleElement().satisfies(item -> {
            assertThat(item.dueAt()).isEqualTo(Instant.parse("2026-12-18T12:00:00Z"));
            assertThat(item.originalDueAt()).isEqualTo(Instant.parse("2026-11-20T22:59:59.999Z"));
            assertThat(item.dueSoon()).isFalse();
            assertThat(item.departmentName()).isEqualTo("Podatki");
        });
        ComplaintFigures wpo = views.complaintsDay(OFFICE, LocalDate.of(2026, 10, 20), T0).orElseThrow()
                .departments().stream().filter(d -> d.id().equals("WPO")).findFirst().orElseThrow();
        assertThat(wpo).isEqualTo(new ComplaintFigures("WPO", "Podatki", 1, 1, 0, 0, 0, null, 1, 1, 1, 1, 0, 0));
    }

    @Test
    void shouldSendAnUnreadableRecordToTheDeadLetterTopicAndGoOn() {
        rawEmailEvents.pipeInput(OFFICE, "not avro".getBytes(StandardCharsets.UTF_8));
        email(events.received("m-9", "dowody", T0, false));

        assertThat(DeadLetterHeader.PROCESSOR.valueIn(deadLetters.readRecord().headers())).isEqualTo("email-events-decode");
        assertThat(views.email(OFFICE, T0).orElseThrow().office().received()).isEqualTo(1);
    }

    @Test
    void shouldPinTheTopologyDescription() throws Exception {
        PinnedTopology.assertPinned(CorrespondenceTopology.build(CorrespondenceConfig.defaults()), "correspondence");
    }

    private static EmailFigures mailbox(OfficeEmailView view, String id) {
        return view.mailboxes().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
