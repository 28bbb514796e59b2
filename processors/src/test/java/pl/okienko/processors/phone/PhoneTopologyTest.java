package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.deadlines.CalendarOffices;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.policy.PolicyKeys;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

class PhoneTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    /** Friday 20 November 2026, 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final PersonalData PERSONAL_DATA =
            new PersonalData("phone-topology-test-key".getBytes(StandardCharsets.UTF_8));
    private static final String ANNA = "+48 600 100 200";
    private static final String BOGDAN = "600 300 400";

    private final TestInputTopic<String, PhoneEvent> phoneEvents = input(Topics.PHONE_EVENTS);
    private final TestInputTopic<String, byte[]> rawPhoneEvents = raw(Topics.PHONE_EVENTS);
    private final PhoneViews views = new PhoneViews(stores(), PhoneConfig.defaults());
    private final PhoneEvents events = new PhoneEvents(OFFICE);

    PhoneTopologyTest() {
        // No business hours listed: Monday to Friday 08:00–16:00.
        super("okienko-phone-test", PhoneTopology.build(PhoneConfig.defaults(), PERSONAL_DATA), T0, testOffice(OFFICE)
                .setDepartments(List.of(new Department("D1", "Ewidencja")))
                .setPhoneLines(List.of(new PhoneLine("L1", "D1", "Ewidencja"), new PhoneLine("L2", null, "Centrala")))
                .build());
    }

    private void phone(PhoneEvent event) {
        phoneEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    /** A call from {@code number} offered on {@code lineId} at {@code offeredAt}, ending unanswered at {@code endedAt}. */
    private void missed(String callId, String lineId, String number, Instant offeredAt, UnansweredReason reason,
            Instant endedAt) {
        phone(events.offered(callId, lineId, number, offeredAt));
        phone(events.unanswered(callId, reason, endedAt));
    }

    @Test
    void shouldComputeServiceLevelSpeedOfAnswerAndTalkTimeOfAScriptedMorning() {
        PhoneEvent firstOffer = events.offered("c1", "L1", null, at(0));
        phone(firstOffer);
        phone(firstOffer); // redelivered: must count once
        phone(events.answered("c1", 2, at(6)));
        phone(events.ended("c1", at(186)));
        phone(events.offered("c2", "L1", null, at(60)));
        phone(events.answered("c2", 4, at(80))); // 4 rings: later, though 20 s would not tell
        phone(events.ended("c2", at(380)));
        phone(events.offered("c3", "L1", null, at(120)));
        phone(events.answered("c3", null, at(130))); // no rings reported: 10 s is within 15 s
        phone(events.ended("c3", at(250)));
        phone(events.offered("c4", "L1", null, at(200)));
        phone(events.answered("c4", null, at(220))); // 20 s: later; still talking
        missed("c5", "L1", null, at(300), UnansweredReason.ABANDONED, at(310));
        missed("c6", "L2", ANNA, at(3600), UnansweredReason.NO_ANSWER, at(3640));
        missed("c7", "L2", null, at(3700), UnansweredReason.BUSY, at(3700));
        phone(events.offered("c8", "L2", BOGDAN, at(3720)));
        phone(events.answered("c8", 1, at(3723)));
        phone(events.endedForAbuse("c8", at(3783)));
        phone(events.offered("c9", "L1", null, at(3800)));

        OfficePhoneView view = views.live(OFFICE, at(3830)).orElseThrow();

        // L1: offered 5; within c1, c3; later c2, c4; abandoned c5; answer delays 6, 20, 10, 20 s; talks 180, 300, 120 s
        // (c9 still rings and is offered: 6 offered on L1)
        assertThat(line(view, "L1")).isEqualTo(new PhoneStats("L1", "Ewidencja", "D1", 6, 2, 2, 1, 1, 0, 0, 2.0 / 6, 1.0 / 6,
                14.0, 20.0, 200.0, 0, 0, 0));
        // L2: offered 3; within c8 (3 s); no answer c6; busy c7; ended for abuse c8 after 60 s
        assertThat(line(view, "L2")).isEqualTo(new PhoneStats("L2", "Centrala", null, 3, 1, 0, 2, 0, 1, 1, 1.0 / 3, 2.0 / 3,
                3.0, 3.0, 60.0, 1, 0, 0));
        // office: 9 offered, 3 within, 2 later, 3 unanswered; delays 6+20+10+20+3 = 59 s over 5; talks 660 s over 4
        assertThat(view.office()).isEqualTo(new PhoneStats(OFFICE, "Urząd testowy", null, 9, 3, 2, 3, 1, 1, 1, 3.0 / 9,
                3.0 / 9, 59.0 / 5, 20.0, 165.0, 1, 0, 0));
        assertThat(view.departments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("D1");
            assertThat(d.offered()).isEqualTo(6);
        });
        // by hour of the offer, Warsaw time: c1–c5 at 10, c6–c9 at 11
        assertThat(view.hours()).extracting(PhoneStats::id, PhoneStats::offered, PhoneStats::unanswered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10", 5L, 1L),
                        org.assertj.core.groups.Tuple.tuple("11", 4L, 2L));
        assertThat(view.ringingNow()).isEqualTo(1);
        assertThat(view.longestRingSeconds()).isEqualTo(30);
        assertThat(view.ringLimit()).isEqualTo(3);
        assertThat(view.answerSeconds()).isEqualTo(15);
    }

    @Test
    void shouldCountTheAnswerWhenItArrivesBeforeItsOffer() {
        phone(events.answered("c1", null, at(12)));
        phone(events.ended("c1", at(112)));
        assertThat(views.live(OFFICE, at(200)).orElseThrow().office().offered()).isZero();

        phone(events.offered("c1", "L1", null, at(0)));

        PhoneStats office = views.live(OFFICE, at(200)).orElseThrow().office();
        assertThat(office.offered()).isEqualTo(1);
        assertThat(office.answeredWithinTarget()).isEqualTo(1);
        assertThat(office.averageSpeedOfAnswerSeconds()).isCloseTo(12.0, within(0.01));
        assertThat(office.meanTalkSeconds()).isCloseTo(100.0, within(0.01));
        assertThat(views.live(OFFICE, at(200)).orElseThrow().ringingNow()).isZero();
    }

    @Test
    void shouldClassifyEachAnswerByThePolicyInForceWhenItIsAnswered() {
        phone(events.offered("c1", "L1", null, at(0)));
        phone(events.answered("c1", 4, at(20)));
        policies.pipeInput(PolicyKeys.line(OFFICE, "L1"), Policy.newBuilder().setOfficeId(OFFICE)
                .setScope(PolicyScope.LINE).setScopeId("L1").setPhoneRingLimit(5).build());
        phone(events.offered("c2", "L1", null, at(600)));
        phone(events.answered("c2", 4, at(620)));
        phone(events.offered("c3", "L2", null, at(700)));
        phone(events.answered("c3", 4, at(720))); // L2 keeps the default of 3 rings

        OfficePhoneView view = views.live(OFFICE, at(800)).orElseThrow();
        assertThat(line(view, "L1").answeredWithinTarget()).isEqualTo(1);
        assertThat(line(view, "L1").answeredLater()).isEqualTo(1);
        assertThat(line(view, "L2").answeredLater()).isEqualTo(1);
    }

    @Test
    void shouldOpenACallbackObligationForAMissedCallWithANumberOnly() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        missed("c2", "L1", null, at(60), UnansweredReason.ABANDONED, at(70));

        CallbacksView list = views.callbacks(OFFICE, null, "open", at(100)).orElseThrow();
        assertThat(list.callbacks()).singleElement().satisfies(c -> {
            assertThat(c.obligationId()).isEqualTo("T3-c1");
            assertThat(c.rule()).isEqualTo("T3");
            assertThat(c.lineId()).isEqualTo("L1");
            assertThat(c.dueAt()).isEqualTo(at(30).plus(Duration.ofHours(2)));
            assertThat(c.status()).isEqualTo("OPEN");
            assertThat(c.dueInSeconds()).isEqualTo(7200 - 70);
        });
        assertThat(list.summary().open()).isEqualTo(1);
    }

    @Test
    void shouldMoveTheDueTimeToTheNextBusinessDayWhenTheOfficeClosesBeforeIt() {
        // Friday 15:30 in Warsaw; the office closes at 16:00 and opens on Monday at 08:00
        Instant friday1530 = Instant.parse("2026-11-20T14:30:00Z");
        missed("c1", "L1", ANNA, friday1530.minusSeconds(20), UnansweredReason.NO_ANSWER, friday1530);

        CallbacksView list = views.callbacks(OFFICE, null, "all", friday1530).orElseThrow();
        assertThat(list.callbacks()).singleElement()
                .satisfies(c -> assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z")));
        assertThat(views.callbacks(OFFICE, LocalDate.of(2026, 11, 23), "all", friday1530).orElseThrow().callbacks())
                .hasSize(1);
    }

    @Test
    void shouldCountTheDelayThroughTheNightAndAHolidayInAnOfficeOpenUntil24EveryDay() {
        offices.pipeInput(OFFICE, Office.newBuilder(CalendarOffices.roundTheClock(OFFICE))
                .setPhoneLines(List.of(new PhoneLine("L1", null, "Dyżurny"))).build());
        // Wednesday 11 November 2026 (a Polish holiday, kept by no one here), 23:15 in Warsaw: due Thursday 01:15
        Instant missedAt = Instant.parse("2026-11-11T22:15:00Z");
        missed("c1", "L1", ANNA, missedAt.minusSeconds(20), UnansweredReason.NO_ANSWER, missedAt);

        assertThat(views.callbacks(OFFICE, null, "all", T0).orElseThrow().callbacks()).singleElement()
                .satisfies(c -> assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-11-12T00:15:00Z")));
    }

    @Test
    void shouldMeetTheObligationWhenTheCallerCallsAgainAndIsAnswered() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        // the same number, written differently by the exchange
        phone(events.offered("c2", "L2", "0048600100200", at(900)));
        phone(events.answered("c2", 2, at(905)));

        CallbacksView list = views.callbacks(OFFICE, null, "all", at(1000)).orElseThrow();
        assertThat(list.callbacks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("MET_ON_TIME");
            assertThat(c.metBy()).isEqualTo("CALLER_ANSWERED");
            assertThat(c.metAt()).isEqualTo(at(905));
        });
        assertThat(list.summary().open()).isZero();
        assertThat(views.callbacks(OFFICE, null, "open", at(1000)).orElseThrow().callbacks()).isEmpty();
        assertThat(views.openObligationIds(OFFICE)).isEmpty();
    }

    @Test
    void shouldKeepOneObligationForSeveralMissedCallsFromOneNumber() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        missed("c2", "L1", ANNA, at(600), UnansweredReason.ABANDONED, at(610));
        missed("c3", "L2", ANNA, at(1200), UnansweredReason.BUSY, at(1200));

        assertThat(views.callbacks(OFFICE, null, "open", at(1300)).orElseThrow().callbacks()).singleElement()
                .satisfies(c -> {
                    assertThat(c.obligationId()).isEqualTo("T3-c1");
                    assertThat(c.missedCalls()).isEqualTo(3);
                    assertThat(c.dueAt()).isEqualTo(at(30).plus(Duration.ofHours(2)));
                });

        phone(events.outbound("o1", "L1", ANNA, true, at(1500)));

        CallbacksView after = views.callbacks(OFFICE, null, "all", at(1600)).orElseThrow();
        assertThat(after.callbacks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("MET_ON_TIME"));
        assertThat(after.summary().metOnTime()).isEqualTo(1);
        assertThat(after.summary().keptOnTimeRate()).isEqualTo(1.0);
    }

    @Test
    void shouldRaiseCallbackOverdueOnTheWallClockWithinASecondOfTheDueTimeAndClearItWhenMetLate() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        Instant due = at(30).plus(Duration.ofHours(2));

        driver.advanceWallClockTime(Duration.between(T0, due).minusSeconds(1));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(AlertType.CALLBACK_OVERDUE);
            assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
            assertThat(alert.getRule()).isEqualTo("T3");
            assertThat(alert.getSubjectType()).isEqualTo("callback");
            assertThat(alert.getSubjectId()).isEqualTo("T3-c1");
            assertThat(alert.getAt()).isBetween(due, due.plusSeconds(1));
            assertThat(alert.getDetails()).containsEntry("dueAt", due.toString()).containsEntry("lineId", "L1");
        });
        assertThat(views.callbacks(OFFICE, null, "overdue", due.plusSeconds(1)).orElseThrow().callbacks())
                .singleElement().satisfies(c -> assertThat(c.overdueSeconds()).isEqualTo(1));

        phone(events.outbound("o1", null, ANNA, false, due.plusSeconds(600)));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.CLEARED);
            assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId());
        });
        CallbacksView day = views.callbacks(OFFICE, TODAY, "all", due.plusSeconds(700)).orElseThrow();
        assertThat(day.callbacks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("MET_LATE");
            assertThat(c.metBy()).isEqualTo("CALLBACK_NOT_CONNECTED");
            assertThat(c.overdueSeconds()).isEqualTo(600);
        });
        assertThat(day.summary().metLate()).isEqualTo(1);
        assertThat(day.summary().keptOnTimeRate()).isEqualTo(0.0);
        assertThat(day.summary().attempts()).isEqualTo(1);
        assertThat(day.summary().connected()).isZero();
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldOpenAPromisedCallbackDueAtTheAgreedTimePlusGraceAndCountAttemptsAndConnectedCalls() {
        policies.pipeInput(OFFICE, Policy.newBuilder().setOfficeId(OFFICE).setCallbackGraceMinutes(5).build());
        Instant agreed = at(3600);
        phone(events.offered("c1", "L1", BOGDAN, at(0)));
        phone(events.answered("c1", 1, at(3)));
        phone(events.promised("cb1", "c1", BOGDAN, agreed, at(60)));
        phone(events.ended("c1", at(90)));
        phone(events.promised("cb2", null, ANNA, agreed, at(100)));

        CallbacksView open = views.callbacks(OFFICE, null, "open", at(200)).orElseThrow();
        assertThat(open.callbacks()).extracting(CallbackView::obligationId, CallbackView::rule, CallbackView::dueAt,
                CallbackView::lineId).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("T4-cb1", "T4", agreed.plusSeconds(300), "L1"),
                        org.assertj.core.groups.Tuple.tuple("T4-cb2", "T4", agreed.plusSeconds(300), null));

        phone(events.outbound("o1", "L1", BOGDAN, true, agreed.plusSeconds(120)));
        phone(events.outbound("o2", "L1", ANNA, false, agreed.plusSeconds(240)));
        phone(events.outbound("o3", "L1", ANNA, true, agreed.plusSeconds(400)));

        CallbacksView day = views.callbacks(OFFICE, TODAY, "all", agreed.plusSeconds(500)).orElseThrow();
        assertThat(day.summary().metOnTime()).isEqualTo(2);
        assertThat(day.summary().attempts()).isEqualTo(2);
        assertThat(day.summary().connected()).isEqualTo(1);
        assertThat(day.summary().keptOnTimeRate()).isEqualTo(1.0);
        PhoneStats l1 = line(views.live(OFFICE, agreed.plusSeconds(500)).orElseThrow(), "L1");
        assertThat(l1.outboundAttempts()).isEqualTo(3);
        assertThat(l1.outboundConnected()).isEqualTo(2);
    }

    @Test
    void shouldMeasureAPastDayReplayedFromLastYearWithoutRaisingStaleAlerts() {
        Instant lastYear = Instant.parse("2025-03-03T08:00:00Z"); // Monday 09:00 in Warsaw
        missed("y1", "L1", ANNA, lastYear, UnansweredReason.NO_ANSWER, lastYear.plusSeconds(40));
        missed("y2", "L1", BOGDAN, lastYear.plusSeconds(100), UnansweredReason.ABANDONED, lastYear.plusSeconds(110));
        phone(events.offered("y3", "L2", null, lastYear.plusSeconds(200)));
        phone(events.answered("y3", 3, lastYear.plusSeconds(215)));
        phone(events.ended("y3", lastYear.plusSeconds(335)));
        // the wall clock passes before the callback of that day is replayed
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        phone(events.outbound("y4", "L1", ANNA, true, lastYear.plusSeconds(3600)));
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        assertThat(alerts.isEmpty()).isTrue();
        OfficePhoneView day = views.day(OFFICE, LocalDate.of(2025, 3, 3), T0).orElseThrow();
        assertThat(day.office().offered()).isEqualTo(3);
        assertThat(day.office().answeredWithinTarget()).isEqualTo(1);
        assertThat(day.office().unanswered()).isEqualTo(2);
        assertThat(day.office().averageSpeedOfAnswerSeconds()).isCloseTo(15.0, within(0.01));
        assertThat(day.office().meanTalkSeconds()).isCloseTo(120.0, within(0.01));
        assertThat(day.callbacks().dueThatDay()).isEqualTo(2);
        assertThat(day.callbacks().metOnTime()).isEqualTo(1);
        assertThat(day.callbacks().unmetPastDue()).isEqualTo(1);
        assertThat(day.callbacks().keptOnTimeRate()).isEqualTo(0.5);
        assertThat(views.day(OFFICE, TODAY, T0).orElseThrow().office().offered()).isZero();

        // A year-old callback met that day is long past its retention: the next clean-up forgets it,
        // but the day's figures stay exact.
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(views.callbacks(OFFICE, LocalDate.of(2025, 3, 3), "all", T0).orElseThrow().callbacks())
                .extracting(CallbackView::status).containsExactly("OVERDUE");
        assertThat(views.day(OFFICE, LocalDate.of(2025, 3, 3), T0).orElseThrow().callbacks()).isEqualTo(day.callbacks());
    }

    @Test
    void shouldKeepNoRawNumberInAnyStoreOrAlert() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        phone(events.offered("c2", "L1", BOGDAN, at(40)));
        phone(events.answered("c2", 1, at(42)));
        phone(events.promised("cb1", "c2", BOGDAN, at(7200), at(60)));
        phone(events.offered("c3", "L1", "+48 600 555 666", at(100)));
        driver.advanceWallClockTime(Duration.ofHours(3));
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).hasSize(2);

        List<String> stored = new ArrayList<>();
        for (PhoneStore store : PhoneStore.values()) {
            try (KeyValueIterator<Object, Object> it = driver.getKeyValueStore(store.storeName()).all()) {
                it.forEachRemaining((KeyValue<Object, Object> kv) -> stored.add(kv.key + "=" + kv.value));
            }
        }
        assertThat(stored).anyMatch(s -> s.contains(PERSONAL_DATA.pseudonym(ANNA)));
        String everything = String.join("\n", stored) + raised;
        for (String digits : List.of("600100200", "600300400", "600555666", "600 100 200", "600 300 400", "600 555 666")) {
            assertThat(everything).doesNotContain(digits);
        }
    }

    @Test
    void shouldSendUnreadableRecordToDeadLetterTopicAndGoOn() {
        rawPhoneEvents.pipeInput(OFFICE, "not avro".getBytes(StandardCharsets.UTF_8), T0);
        phone(events.offered("c1", "L1", null, at(0)));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> assertThat(DeadLetterHeader.TOPIC.valueIn(r.headers()))
                .isEqualTo(Topics.PHONE_EVENTS.name()));
        assertThat(views.live(OFFICE, at(5)).orElseThrow().ringingNow()).isEqualTo(1);
    }

    @Test
    void shouldForgetAMetCallbackAfterTheRetentionAndKeepTheDaysCallFigures() {
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                "okienko-phone-test-" + PhoneStore.CALLBACKS.storeName() + "-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));
        phone(events.outbound("o1", "L1", ANNA, true, at(1500)));
        // Met at 10:25, due at 12:00 (Warsaw): 90 days from the later of the two.
        Instant forgetAt = at(30).plus(Duration.ofHours(2)).plus(Duration.ofDays(90));
        changelog.readRecordsToList();

        driver.advanceWallClockTime(Duration.between(T0, forgetAt).minusMinutes(1));
        CallbacksView kept = views.callbacks(OFFICE, TODAY, "all", forgetAt).orElseThrow();
        assertThat(kept.callbacks()).extracting(CallbackView::obligationId, CallbackView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T3-c1", "MET_ON_TIME"));
        assertThat(kept.summary()).satisfies(summary -> {
            assertThat(summary.dueThatDay()).isEqualTo(1);
            assertThat(summary.metOnTime()).isEqualTo(1);
            assertThat(summary.keptOnTimeRate()).isEqualTo(1.0);
            assertThat(summary.connected()).isEqualTo(1);
        });
        PhoneStats dayKept = views.day(OFFICE, TODAY, forgetAt).orElseThrow().office();
        assertThat(dayKept.offered()).isEqualTo(1);
        assertThat(dayKept.noAnswer()).isEqualTo(1);
        assertThat(dayKept.outboundConnected()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        CallbacksView forgotten = views.callbacks(OFFICE, TODAY, "all", forgetAt).orElseThrow();
        assertThat(forgotten.callbacks()).isEmpty();
        assertThat(forgotten.summary()).as("the day's figures stay").isEqualTo(kept.summary());
        assertThat(keys(PhoneStore.CALLBACKS.storeName())).isEmpty();
        assertThat(keys(PhoneStore.CALLBACKS_FORGET.storeName())).isEmpty();
        assertThat(changelog.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OFFICE + "|T3-c1", null));
        // The service-level figures of the day come from the per-hour counts, which stay.
        assertThat(views.day(OFFICE, TODAY, forgetAt).orElseThrow().office()).isEqualTo(dayKept);
    }

    @Test
    void shouldNeverForgetAnOpenCallback() {
        missed("c1", "L1", ANNA, at(0), UnansweredReason.NO_ANSWER, at(30));

        driver.advanceWallClockTime(Duration.ofDays(200));
        driver.advanceWallClockTime(Duration.ofMinutes(10));

        Instant now = T0.plus(Duration.ofDays(200)).plus(Duration.ofMinutes(10));
        assertThat(views.callbacks(OFFICE, null, "open", now).orElseThrow().callbacks()).singleElement()
                .satisfies(c -> {
                    assertThat(c.obligationId()).isEqualTo("T3-c1");
                    assertThat(c.status()).isEqualTo("OVERDUE");
                });
        assertThat(views.openObligationIds(OFFICE)).containsExactly("T3-c1");
        assertThat(keys(PhoneStore.CALLBACKS_FORGET.storeName())).isEmpty();

        // Met at last, it is kept 90 days from then: it was met after it was due.
        Instant metAt = now.plusSeconds(60);
        phone(events.outbound("o1", "L1", ANNA, false, metAt));
        driver.advanceWallClockTime(Duration.ofDays(90));
        assertThat(views.callbacks(OFFICE, TODAY, "all", now).orElseThrow().callbacks()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo("MET_LATE"));
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(views.callbacks(OFFICE, TODAY, "all", now).orElseThrow().callbacks()).isEmpty();
    }

    @Test
    void shouldForgetOrIndexCallbacksMetBeforeTheRetentionRuleExisted() {
        long day = Duration.ofDays(1).toMillis();
        long t0 = T0.toEpochMilli();
        var stored = driver.<String, CallbackState>getKeyValueStore(PhoneStore.CALLBACKS.storeName());
        // As left by an earlier version: met obligations with no entry in the forget index.
        stored.put(OFFICE + "|T3-old", metCallback("T3-old", t0 - 100 * day, t0 - 100 * day + 60_000));
        stored.put(OFFICE + "|T3-recent", metCallback("T3-recent", t0 - 10 * day, t0 - 10 * day + 60_000));
        stored.put(OFFICE + "|T3-open", CallbackState.newBuilder(metCallback("T3-open", t0 - 100 * day, 0))
                .setMetAt(null).setMetBy(null).setNumber("h:open").build());

        driver.advanceWallClockTime(Duration.ofMinutes(10));

        assertThat(stored.get(OFFICE + "|T3-old")).isNull();
        assertThat(stored.get(OFFICE + "|T3-recent")).isNotNull();
        assertThat(stored.get(OFFICE + "|T3-open")).isNotNull();
        // The recent one was due 10 days ago (an hour after it opened): indexed to go 90 days after that.
        long recentForgetAt = t0 - 10 * day + 3_600_000 + 90 * day;
        assertThat(keys(PhoneStore.CALLBACKS_FORGET.storeName())).containsExactly(String.format("%013d", recentForgetAt) + "|" + OFFICE + "|T3-recent");

        driver.advanceWallClockTime(Duration.ofMillis(recentForgetAt - t0).minusMinutes(10));
        assertThat(stored.get(OFFICE + "|T3-recent")).isNull();
        assertThat(stored.get(OFFICE + "|T3-open")).isNotNull();
    }

    /** A T3 obligation opened at {@code openedAt}, due an hour later, met by an outbound call at {@code metAt}. */
    private static CallbackState metCallback(String id, long openedAt, long metAt) {
        return CallbackState.newBuilder().setObligationId(id).setKind(Obligation.Kind.MISSED_CALL.name())
                .setLineId("L1").setCallId(id.substring(3)).setNumber(null).setOpenedAt(openedAt)
                .setDueAt(openedAt + 3_600_000).setMetAt(metAt).setMetBy(Obligation.MetBy.CALLBACK_CONNECTED.name())
                .build();
    }

    @Test
    void shouldKnowNoOfficeWithoutDirectoryEntryOrData() {
        assertThat(views.live("NOWHERE", T0)).isEmpty();
        assertThat(views.callbacks("NOWHERE", null, "open", T0)).isEmpty();
    }

    @Test
    void shouldPinTheTopologyDescription() throws Exception {
        PinnedTopology.assertPinned(PhoneTopology.build(PhoneConfig.defaults(), PERSONAL_DATA), "phone");
    }

    private static PhoneStats line(OfficePhoneView view, String lineId) {
        return view.lines().stream().filter(l -> l.id().equals(lineId)).findFirst().orElseThrow();
    }
}
