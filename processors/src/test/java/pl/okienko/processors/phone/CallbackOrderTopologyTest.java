package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.processors.TestTopics;
import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.processors.TestDriverStores;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.phone.state.OpenCallbacks;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/**
 * T3/T4 callback obligations decided by event time: the same calls give the same obligations whatever
 * order their events arrive in within the late window (issue 11, finding 8).
 */
class CallbackOrderTopologyTest {

    private static final String OFFICE = "UM-ORDER";
    /** Friday 20 November 2026, 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** 16:30 in Warsaw, after closing: every obligation of the day is decided. */
    private static final Instant EVENING = Instant.parse("2026-11-20T15:30:00Z");
    private static final PersonalData PERSONAL_DATA =
            new PersonalData("callback-order-test-key".getBytes(StandardCharsets.UTF_8));
    private static final String ANNA = "+48 600 100 200";
    private static final String BOGDAN = "+48 600 300 400";
    private static final String CEZARY = "+48 600 500 600";
    private static final String DOROTA = "+48 600 700 800";
    private static final String EWA = "+48 601 100 200";
    private static final String FRANEK = "+48 601 300 400";

    @TempDir
    Path stateDir;

    @Test
    void shouldOpenANewObligationForAMissedCallElevenMinutesAfterTheCallbackWhenTheAnsweredCallArrivesAtItsEnd()
            throws Exception {
        PhoneEvents events = new PhoneEvents(OFFICE);
        // Anna's missed call opens an obligation; her next call is answered at 10:10:05 and lasts half an hour,
        // so the exchange writes it at 10:40; meanwhile she calls at 10:21 and is missed again.
        List<PhoneEvent> arrival = List.of(
                events.offered("a1", "L1", ANNA, at(0, 0)),
                events.unanswered("a1", UnansweredReason.NO_ANSWER, at(0, 30)),
                events.offered("a3", "L1", ANNA, at(21, 0)),
                events.unanswered("a3", UnansweredReason.NO_ANSWER, at(21, 5)),
                events.offered("a2", "L1", ANNA, at(10, 0)),
                events.answered("a2", 2, at(10, 5)),
                events.ended("a2", at(40, 0)));

        try (Run run = new Run(stateDir.resolve("eleven"))) {
            arrival.forEach(run::pipe);

            assertThat(run.callbacks(at(45, 0)).callbacks())
                    .extracting(CallbackView::obligationId, CallbackView::openedAt, CallbackView::missedCalls,
                            CallbackView::metAt, CallbackView::metBy, CallbackView::status)
                    .containsExactlyInAnyOrder(
                            tuple("T3-a1", at(0, 30), 1, at(10, 5),
                                    "CALLER_ANSWERED", "MET_ON_TIME"),
                            tuple("T3-a3", at(21, 5), 1, null, null, "OPEN"));
        }
    }

    @Test
    void shouldMeetAtAnEarlierCallbackThatArrivesLateAndKeepItForTheRetentionFromThen() throws Exception {
        try (Run run = new Run(stateDir.resolve("earlier-callback"))) {
            run.missedCall("b1", BOGDAN, at(0, 0), at(0, 0));
            // due at 12:00; an attempt at 12:30 is written first, the connected call at 11:50 comes later
            run.pipe(run.events.outbound("o2", "L1", BOGDAN, false, at(150, 0)));
            assertThat(run.callbacks(at(151, 0)).callbacks()).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo("MET_LATE"));

            run.pipe(run.events.outbound("o1", "L1", BOGDAN, true, at(110, 0)));

            CallbacksView day = run.callbacks(at(151, 0));
            assertThat(day.callbacks()).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo("MET_ON_TIME");
                assertThat(c.metAt()).isEqualTo(at(110, 0));
                assertThat(c.metBy()).isEqualTo("CALLBACK_CONNECTED");
            });
            assertThat(day.summary().connected()).isEqualTo(1);
            // forgotten 90 days after the due time now, no longer 90 days after 12:30
            long forgetAt = at(120, 0).plus(Duration.ofDays(90)).toEpochMilli();
            assertThat(run.keys(PhoneStore.CALLBACKS_FORGET.storeName()))
                    .containsExactly(String.format("%013d", forgetAt) + "|" + OFFICE + "|T3-b1");
        }
    }

    @Test
    void shouldLetALateEarlierMissedCallTakeOverAnOverdueObligationAndClearItsAlert() throws Exception {
        try (Run run = new Run(stateDir.resolve("take-over"))) {
            run.missedCall("c2", CEZARY, at(9, 50), at(10, 0));
            run.driver.advanceWallClockTime(Duration.between(T0, at(130, 2)));
            List<Alert> raised = run.alerts.readValuesToList();
            assertThat(raised).singleElement().satisfies(a -> assertThat(a.getSubjectId()).isEqualTo("T3-c2"));

            // an earlier missed call, written late: the caller has been waiting since 10:05
            run.missedCall("c1", CEZARY, at(4, 50), at(5, 0));
            run.driver.advanceWallClockTime(Duration.ofSeconds(1));

            List<Alert> steps = run.alerts.readValuesToList();
            assertThat(steps).extracting(Alert::getSubjectId, Alert::getState, Alert::getAlertId).containsExactly(
                    tuple("T3-c2", AlertState.CLEARED, raised.get(0).getAlertId()),
                    tuple("T3-c1", AlertState.RAISED, "CALLBACK_OVERDUE:" + OFFICE + ":callback:T3-c1:"
                            + steps.get(1).getRaisedAt().toEpochMilli()));
            assertThat(run.callbacks(at(131, 0)).callbacks()).singleElement().satisfies(c -> {
                assertThat(c.obligationId()).isEqualTo("T3-c1");
                assertThat(c.missedCalls()).isEqualTo(2);
                assertThat(c.dueAt()).isEqualTo(at(125, 0));
                assertThat(c.status()).isEqualTo("OVERDUE");
            });
            assertThat(run.views.openObligationIds(OFFICE)).containsExactly("T3-c1");
            assertThat(run.keys(PhoneStore.CALLBACK_DEADLINES.storeName())).isEmpty();
        }
    }

    @Test
    void shouldJoinAndMeetAnOpenObligationKeptByAnEarlierVersionWithoutATimeline() throws Exception {
        try (Run run = new Run(stateDir.resolve("upgrade"))) {
            String number = PERSONAL_DATA.pseudonym(ANNA);
            long opened = at(0, 0).toEpochMilli();
            long due = at(120, 0).toEpochMilli();
            run.driver.<String, CallbackState>getKeyValueStore(PhoneStore.CALLBACKS.storeName()).put(OFFICE + "|T3-old",
                    CallbackState.newBuilder().setObligationId("T3-old").setKind("MISSED_CALL").setLineId("L1")
                            .setCallId("old").setNumber(number).setOpenedAt(opened).setDueAt(due).setMissedCalls(2)
                            .build());
            run.driver.<String, OpenCallbacks>getKeyValueStore(PhoneStore.CALLBACKS_OPEN.storeName())
                    .put(OFFICE + "|" + number, new OpenCallbacks(List.of("T3-old")));
            new DeadlineIndex(run.driver.getKeyValueStore(PhoneStore.CALLBACK_DEADLINES.storeName())).schedule(due + 1, OFFICE, "T3-old");

            run.missedCall("a5", ANNA, at(20, 0), at(20, 10));
            run.pipe(run.events.outbound("o1", "L1", ANNA, true, at(30, 0)));

            assertThat(run.callbacks(at(31, 0)).callbacks()).singleElement().satisfies(c -> {
                assertThat(c.obligationId()).isEqualTo("T3-old");
                assertThat(c.missedCalls()).isEqualTo(3);
                assertThat(c.metAt()).isEqualTo(at(30, 0));
                assertThat(c.status()).isEqualTo("MET_ON_TIME");
            });
            assertThat(run.keys(PhoneStore.CALLBACK_DEADLINES.storeName())).isEmpty();
        }
    }

    @Test
    void shouldForgetANumbersTimelineOnceTheLateWindowHasPassedItsLastObligationButNotWhileOneIsOpen()
            throws Exception {
        try (Run run = new Run(stateDir.resolve("prune"))) {
            run.missedCall("a1", ANNA, at(0, 0), at(0, 10));
            run.pipe(run.events.outbound("o1", "L1", ANNA, true, at(10, 0)));
            run.missedCall("c1", CEZARY, at(5, 0), at(5, 10));
            String anna = OFFICE + "|" + PERSONAL_DATA.pseudonym(ANNA);
            String cezary = OFFICE + "|" + PERSONAL_DATA.pseudonym(CEZARY);
            assertThat(run.keys(PhoneStore.CALLBACK_TIMELINES.storeName())).containsExactlyInAnyOrder(anna, cezary);

            // Anna's callback at 10:10 is settled once events of 12:10 and later arrive (and it is 12:10 by the
            // wall clock: an event stamped in the future settles nothing); Cezary still waits.
            run.missedCall("n1", null, at(130, 0), at(130, 10));
            run.driver.advanceWallClockTime(Duration.ofMinutes(10));
            assertThat(run.keys(PhoneStore.CALLBACK_TIMELINES.storeName())).containsExactlyInAnyOrder(anna, cezary);
            run.driver.advanceWallClockTime(Duration.between(T0, at(140, 0)).minusMinutes(10));

            assertThat(run.keys(PhoneStore.CALLBACK_TIMELINES.storeName())).containsExactly(cezary);
            assertThat(run.callbacks(at(131, 0)).callbacks()).extracting(CallbackView::obligationId)
                    .containsExactlyInAnyOrder("T3-a1", "T3-c1");
        }
    }

    @Test
    void shouldDecideTheSameObligationsAndFiguresWhateverOrderTheCallsArriveIn() throws Exception {
        List<Call> calls = calls();
        Duration lateWindow = PhoneConfig.defaults().lateWindow();
        Map<String, List<PhoneEvent>> orders = new LinkedHashMap<>();
        orders.put("sorted by time", calls.stream().flatMap(c -> c.events().stream())
                .sorted(Comparator.comparing(PhoneEvent::getOccurredAt)).toList());
        orders.put("each call at its end", calls.stream().sorted(Comparator.comparing(Call::end))
                .flatMap(c -> c.events().stream()).toList());
        for (long seed : new long[] {8, 11, 2873}) {
            orders.put("shuffled within the late window, seed " + seed, shuffled(calls, lateWindow, new Random(seed)));
        }

        // Worked out by hand from the calls below: obligation, opened, due, missed calls, met, met by, status at 16:30.
        List<Expected> expected = List.of(
                new Expected("T3-a1", at(0, 30), at(120, 30), 2, at(10, 5), "CALLER_ANSWERED", "MET_ON_TIME"),
                new Expected("T3-a4", at(21, 5), at(141, 5), 1, at(50, 0), "CALLBACK_CONNECTED", "MET_ON_TIME"),
                new Expected("T3-b1", at(2, 0), at(122, 0), 2, at(30, 0), "CALLBACK_NOT_CONNECTED", "MET_ON_TIME"),
                new Expected("T3-c1", at(15, 20), at(135, 20), 1, at(20, 10), "CALLER_ANSWERED", "MET_ON_TIME"),
                new Expected("T3-c3", at(25, 30), at(145, 30), 1, null, null, "OVERDUE"),
                new Expected("T3-d1", at(35, 30), at(155, 30), 2, at(70, 0), "CALLBACK_CONNECTED", "MET_ON_TIME"),
                new Expected("T3-d3", at(80, 30), at(200, 30), 1, null, null, "OVERDUE"),
                new Expected("T3-e2", at(50, 0), at(170, 0), 1, at(80, 0), "CALLBACK_CONNECTED", "MET_ON_TIME"),
                new Expected("T3-f1", at(0, 40), at(120, 40), 1, at(130, 0), "CALLBACK_NOT_CONNECTED", "MET_LATE"),
                new Expected("T4-cb1", at(46, 0), at(100, 0), 1, at(80, 0), "CALLBACK_CONNECTED", "MET_ON_TIME"));
        long onTime = expected.stream().filter(e -> e.status().equals("MET_ON_TIME")).count();
        long late = expected.stream().filter(e -> e.status().equals("MET_LATE")).count();
        long unmet = expected.stream().filter(e -> e.metAt() == null).count();
        long attempts = expected.stream().filter(e -> e.metBy() != null && e.metBy().startsWith("CALLBACK_")).count();
        long connected = expected.stream().filter(e -> "CALLBACK_CONNECTED".equals(e.metBy())).count();
        assertThat(List.of(onTime, late, unmet, attempts, connected)).containsExactly(7L, 1L, 2L, 6L, 4L);

        int eventCount = calls.stream().mapToInt(c -> c.events().size()).sum();
        int runs = 0;
        for (Map.Entry<String, List<PhoneEvent>> order : orders.entrySet()) {
            assertThat(order.getValue()).as(order.getKey()).hasSize(eventCount);
            try (Run run = new Run(stateDir.resolve("order-" + runs++))) {
                order.getValue().forEach(run::pipe);
                run.driver.advanceWallClockTime(Duration.between(T0, EVENING));

                CallbacksView day = run.callbacks(EVENING);
                assertThat(day.callbacks()).as(order.getKey())
                        .extracting(c -> new Expected(c.obligationId(), c.openedAt(), c.dueAt(), c.missedCalls(),
                                c.metAt(), c.metBy(), c.status()))
                        .containsExactlyInAnyOrderElementsOf(expected);
                CallbackSummary summary = day.summary();
                assertThat(List.of(summary.dueThatDay(), summary.metOnTime(), summary.metLate(), summary.unmetPastDue(),
                        summary.attempts(), summary.connected(), summary.open(), summary.overdue()))
                        .as(order.getKey())
                        .containsExactly((long) expected.size(), onTime, late, unmet, attempts, connected, unmet, unmet);
                assertThat(summary.keptOnTimeRate()).as(order.getKey()).isEqualTo((double) onTime / expected.size());
                assertThat(run.alerts.readValuesToList()).as(order.getKey())
                        .allSatisfy(a -> assertThat(a.getState()).isEqualTo(AlertState.RAISED))
                        .extracting(Alert::getSubjectId).containsExactlyInAnyOrder("T3-c3", "T3-d3");
                PhoneStats office = run.views.day(OFFICE, TODAY, EVENING).orElseThrow().office();
                // 16 inbound calls of which 13 missed (one withheld), 5 outbound of which 3 connected
                assertThat(List.of(office.offered(), office.unanswered(), office.outboundAttempts(),
                        office.outboundConnected())).as(order.getKey()).containsExactly(16L, 13L, 5L, 3L);
            }
        }
    }

    /** A morning of calls of six numbers; each call with the events the exchange writes, all known at its end. */
    private static List<Call> calls() {
        PhoneEvents e = new PhoneEvents(OFFICE);
        return List.of(
                // Anna: missed twice, answered when she calls again (a half-hour call), missed 11 minutes after
                // that answer, called back
                missedCall(e, "a1", ANNA, at(0, 0), at(0, 30), UnansweredReason.NO_ANSWER),
                missedCall(e, "a2", ANNA, at(5, 0), at(5, 10), UnansweredReason.ABANDONED),
                answeredCall(e, "a3", ANNA, at(10, 0), at(10, 5), at(40, 0)),
                missedCall(e, "a4", ANNA, at(21, 0), at(21, 5), UnansweredReason.NO_ANSWER),
                outboundCall(e, "o1", ANNA, true, at(50, 0), at(53, 0)),
                // Bogdan: busy, missed again 20 s before the callback attempt, which does not connect
                missedCall(e, "b1", BOGDAN, at(2, 0), at(2, 0), UnansweredReason.BUSY),
                missedCall(e, "b2", BOGDAN, at(29, 0), at(29, 40), UnansweredReason.ABANDONED),
                outboundCall(e, "o2", BOGDAN, false, at(30, 0), at(30, 30)),
                // Cezary: missed, answered in a long call, missed during it; never called back
                missedCall(e, "c1", CEZARY, at(15, 0), at(15, 20), UnansweredReason.NO_ANSWER),
                answeredCall(e, "c2", CEZARY, at(20, 0), at(20, 10), at(60, 0)),
                missedCall(e, "c3", CEZARY, at(25, 0), at(25, 30), UnansweredReason.NO_ANSWER),
                // Dorota: missed twice, called back, missed again; never called back after that
                missedCall(e, "d1", DOROTA, at(35, 0), at(35, 30), UnansweredReason.NO_ANSWER),
                missedCall(e, "d2", DOROTA, at(40, 0), at(40, 10), UnansweredReason.ABANDONED),
                outboundCall(e, "o3", DOROTA, true, at(70, 0), at(75, 0)),
                missedCall(e, "d3", DOROTA, at(80, 0), at(80, 30), UnansweredReason.NO_ANSWER),
                // Ewa: answered, promised a callback at 11:30, missed later; one callback meets both
                answeredCall(e, "e1", EWA, at(45, 0), at(45, 3), at(47, 0)),
                new Call(at(46, 0), List.of(e.promised("cb1", null, EWA, at(90, 0), at(46, 0)))),
                missedCall(e, "e2", EWA, at(49, 30), at(50, 0), UnansweredReason.NO_ANSWER),
                outboundCall(e, "o4", EWA, true, at(80, 0), at(82, 0)),
                // Franek: called back ten minutes after the due time
                missedCall(e, "f1", FRANEK, at(0, 10), at(0, 40), UnansweredReason.NO_ANSWER),
                outboundCall(e, "o5", FRANEK, false, at(130, 0), at(130, 20)),
                // withheld number: no obligation
                missedCall(e, "n1", null, at(3, 0), at(3, 20), UnansweredReason.ABANDONED));
    }

    private static Call missedCall(PhoneEvents e, String callId, String number, Instant offered, Instant missed,
            UnansweredReason reason) {
        return new Call(missed, List.of(e.offered(callId, "L1", number, offered), e.unanswered(callId, reason, missed)));
    }

    private static Call answeredCall(PhoneEvents e, String callId, String number, Instant offered, Instant answered,
            Instant ended) {
        return new Call(ended, List.of(e.offered(callId, "L1", number, offered), e.answered(callId, 2, answered),
                e.ended(callId, ended)));
    }

    private static Call outboundCall(PhoneEvents e, String callId, String number, boolean connected, Instant at,
            Instant ended) {
        return new Call(ended, List.of(e.outbound(callId, "L1", number, connected, at)));
    }

    /** Each event arrives at its time plus a random delay shorter than the late window. */
    private static List<PhoneEvent> shuffled(List<Call> calls, Duration lateWindow, Random random) {
        Map<PhoneEvent, Instant> arrival = new LinkedHashMap<>();
        calls.stream().flatMap(c -> c.events().stream()).forEach(event -> arrival.put(event,
                event.getOccurredAt().plusMillis((long) (random.nextDouble() * lateWindow.toMillis()))));
        return arrival.keySet().stream().sorted(Comparator.comparing(arrival::get)).toList();
    }

    private static Instant at(int minutes, int seconds) {
        return T0.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
    }

    /** One call: its events, all written by {@code end} at the latest. */
    private record Call(Instant end, List<PhoneEvent> events) {
    }

    /** An obligation as the callback list shows it. */
    private record Expected(String obligationId, Instant openedAt, Instant dueAt, int missedCalls, Instant metAt,
            String metBy, String status) {
    }

    /** One office's phone topology in a TopologyTestDriver of its own. */
    private static final class Run implements AutoCloseable {

        private final TopologyTestDriver driver;
        private final TestInputTopic<String, PhoneEvent> phoneEvents;
        private final TestOutputTopic<String, Alert> alerts;
        private final PhoneViews views;
        private final PhoneEvents events = new PhoneEvents(OFFICE);

        Run(Path stateDir) throws Exception {
            Files.createDirectories(stateDir);
            Properties props = StreamsSettings.properties("okienko-callback-order-test", "dummy:9092", stateDir,
                    Map.of());
            driver = new TopologyTestDriver(PhoneTopology.build(PhoneConfig.defaults(), PERSONAL_DATA), props, T0);
            phoneEvents = TestTopics.input(driver, Topics.PHONE_EVENTS);
            alerts = TestTopics.output(driver, Topics.ALERTS);
            views = new PhoneViews(new TestDriverStores(driver), PhoneConfig.defaults());
            // No business hours listed: Monday to Friday 08:00–16:00.
            TestTopics.input(driver, Topics.OFFICES)
                    .pipeInput(OFFICE, Office.newBuilder().setOfficeId(OFFICE).setName("Urząd kolejności")
                            .setPhoneLines(List.of(new PhoneLine("L1", null, "Centrala"))).build());
        }

        void pipe(PhoneEvent event) {
            phoneEvents.pipeInput(OFFICE, event, event.getOccurredAt());
        }

        void missedCall(String callId, String number, Instant offered, Instant missed) {
            pipe(events.offered(callId, "L1", number, offered));
            pipe(events.unanswered(callId, UnansweredReason.NO_ANSWER, missed));
        }

        CallbacksView callbacks(Instant now) {
            return views.callbacks(OFFICE, TODAY, "all", now).orElseThrow();
        }

        List<Object> keys(String store) {
            return new TestDriverStores(driver).keys(store);
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
