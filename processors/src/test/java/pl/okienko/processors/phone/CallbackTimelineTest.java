package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.phone.CallbackTimeline.Decided;
import pl.okienko.processors.phone.CallbackTimeline.Meeting;
import pl.okienko.processors.phone.CallbackTimeline.MissedCall;
import pl.okienko.processors.phone.CallbackTimeline.Promise;
import pl.okienko.processors.phone.Obligation.MetBy;

class CallbackTimelineTest {

    @Test
    void shouldJoinOnlyAnObligationOpenAtTheMissedCallsTime() {
        assertThat(CallbackTimeline.joins(100, 50, null)).as("open").isTrue();
        assertThat(CallbackTimeline.joins(100, 50, 100L)).as("missed at the instant it was met").isTrue();
        assertThat(CallbackTimeline.joins(101, 50, 100L)).as("missed after it was met").isFalse();
        assertThat(CallbackTimeline.joins(49, 50, null)).as("missed before it opened").isFalse();
    }

    @Test
    void shouldOpenANewObligationForAMissedCallAfterTheMeetingWhateverTheOrderOfAdding() {
        // missed at 0, met at 10 by an answered call, missed again at 21: two obligations
        List<UnaryOperator<CallbackTimeline>> events = List.of(missed("a1", 0), answered(10), missed("a3", 21));

        List<Decided> inOrder = apply(events);
        List<Decided> answerLast = apply(List.of(events.get(0), events.get(2), events.get(1)));

        assertThat(inOrder).extracting(Decided::obligationId, Decided::openedAt, Decided::missedCalls, Decided::met)
                .containsExactly(tuple("T3-a1", 0L, 1, new Meeting(10, MetBy.CALLER_ANSWERED)),
                        tuple("T3-a3", 21L, 1, null));
        assertThat(answerLast).isEqualTo(inOrder);
    }

    @Test
    void shouldLetALateEarlierMissedCallTakeOverTheObligationItWasOpenFor() {
        List<Decided> decided = apply(List.of(missed("c10", 10), missed("c15", 15), missed("c5", 5)));

        assertThat(decided).extracting(Decided::obligationId, Decided::openedAt, Decided::missedCalls)
                .containsExactly(tuple("T3-c5", 5L, 3));
        assertThat(decided.get(0).first().lineId()).isEqualTo("L1");
    }

    @Test
    void shouldKeepALateEarlierMissedCallApartWhenACallbackCameBetween() {
        List<Decided> decided = apply(List.of(missed("c10", 10), callback(7, true), missed("c5", 5)));

        assertThat(decided).extracting(Decided::obligationId, Decided::openedAt, Decided::met)
                .containsExactly(tuple("T3-c5", 5L, new Meeting(7, MetBy.CALLBACK_CONNECTED)),
                        tuple("T3-c10", 10L, null));
    }

    @Test
    void shouldSplitAnObligationWhenALateEarlierCallbackMetItBeforeItsLaterMissedCalls() {
        CallbackTimeline before = timeline(List.of(missed("c10", 10), missed("c17", 17), callback(20, false)));
        assertThat(before.obligations()).extracting(Decided::obligationId, Decided::missedCalls, Decided::met)
                .containsExactly(tuple("T3-c10", 2, new Meeting(20, MetBy.CALLBACK_NOT_CONNECTED)));

        List<Decided> after = callback(15, true).apply(before).obligations();

        assertThat(after).extracting(Decided::obligationId, Decided::missedCalls, Decided::met)
                .containsExactly(tuple("T3-c10", 1, new Meeting(15, MetBy.CALLBACK_CONNECTED)),
                        tuple("T3-c17", 1, new Meeting(20, MetBy.CALLBACK_NOT_CONNECTED)));
    }

    @Test
    void shouldMeetAPromiseByTheFirstCallAtOrAfterItAndNeverByAnEarlierOne() {
        List<Decided> decided = apply(List.of(callback(40, false), promise("T4-cb1", 30), callback(20, true),
                promise("T4-cb2", 50)));

        assertThat(decided).extracting(Decided::obligationId, Decided::kind, Decided::missedCalls, Decided::met)
                .containsExactly(
                        tuple("T4-cb1", Obligation.Kind.PROMISED, 1, new Meeting(40, MetBy.CALLBACK_NOT_CONNECTED)),
                        tuple("T4-cb2", Obligation.Kind.PROMISED, 1, null));
    }

    @Test
    void shouldDecideTheSameObligationsInEveryOrderOfTheSameEvents() {
        List<UnaryOperator<CallbackTimeline>> events = List.of(missed("m1", 0), missed("m2", 5), answered(8),
                missed("m3", 8), missed("m4", 12), callback(30, true), promise("T4-p", 25), missed("m5", 31),
                callback(40, false), missed("m6", 40));
        // Worked out by hand: m1, m2 and m3 (at the answer's instant) met at 8; m4 opens, met at 30 with the
        // promise; m5 and m6 (at the callback's instant) met at 40.
        List<Decided> expected = List.of(
                new Decided("T3-m1", Obligation.Kind.MISSED_CALL, new MissedCall("m1", "L1", 0, 1), 0, 3,
                        new Meeting(8, MetBy.CALLER_ANSWERED)),
                new Decided("T3-m4", Obligation.Kind.MISSED_CALL, new MissedCall("m4", "L1", 12, 1), 12, 1,
                        new Meeting(30, MetBy.CALLBACK_CONNECTED)),
                new Decided("T3-m5", Obligation.Kind.MISSED_CALL, new MissedCall("m5", "L1", 31, 1), 31, 2,
                        new Meeting(40, MetBy.CALLBACK_NOT_CONNECTED)),
                new Decided("T4-p", Obligation.Kind.PROMISED, null, 25, 1, new Meeting(30, MetBy.CALLBACK_CONNECTED)));
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) {
            List<UnaryOperator<CallbackTimeline>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(apply(shuffled)).as("order %d", i).isEqualTo(expected);
        }
    }

    @Test
    void shouldIgnoreTheSameEventTwice() {
        CallbackTimeline once = timeline(List.of(missed("c1", 10), callback(20, true), promise("T4-p", 5)));

        CallbackTimeline twice = timeline(List.of(missed("c1", 10), callback(20, true), promise("T4-p", 5),
                missed("c1", 10), callback(20, true), promise("T4-p", 5)));

        assertThat(twice).isEqualTo(once);
        assertThat(twice.obligations()).extracting(Decided::missedCalls).containsExactly(1, 1);
    }

    @Test
    void shouldDropOnlyWhatIsSettledBeforeTheHorizonAndKeepTheObligationsOfTheRest() {
        // c1 met at 10 (settled before 50); c2 met at 60 (not settled); c3 still open; the callback at 30 met nothing
        CallbackTimeline full = timeline(List.of(missed("c1", 0), callback(10, true), callback(30, false),
                missed("c2", 40), callback(60, true), missed("c3", 70)));

        CallbackTimeline pruned = full.prunedBefore(50);

        assertThat(pruned.missedCalls()).extracting(MissedCall::callId).containsExactly("c2", "c3");
        assertThat(pruned.meetings()).extracting(Meeting::at).containsExactly(60L);
        assertThat(pruned.obligations()).isEqualTo(full.obligations().subList(1, 3));
    }

    @Test
    void shouldNeverDropAnOpenObligationHoweverOld() {
        CallbackTimeline full = timeline(List.of(missed("c1", 0), missed("c2", 5), promise("T4-p", 3)));

        CallbackTimeline pruned = full.prunedBefore(1_000_000);

        assertThat(pruned).isEqualTo(full);
        assertThat(CallbackTimeline.empty().prunedBefore(1_000).isEmpty()).isTrue();
        assertThat(timeline(List.of(callback(5, true))).prunedBefore(1_000).isEmpty()).isTrue();
    }

    private static List<Decided> apply(List<UnaryOperator<CallbackTimeline>> events) {
        return timeline(events).obligations();
    }

    private static CallbackTimeline timeline(List<UnaryOperator<CallbackTimeline>> events) {
        CallbackTimeline timeline = CallbackTimeline.empty();
        for (UnaryOperator<CallbackTimeline> event : events) {
            timeline = event.apply(timeline);
        }
        return timeline;
    }

    private static UnaryOperator<CallbackTimeline> missed(String callId, long at) {
        return t -> t.withMissedCall(new MissedCall(callId, "L1", at, 1));
    }

    private static UnaryOperator<CallbackTimeline> answered(long at) {
        return t -> t.withMeeting(new Meeting(at, MetBy.CALLER_ANSWERED));
    }

    private static UnaryOperator<CallbackTimeline> callback(long at, boolean connected) {
        return t -> t.withMeeting(new Meeting(at, connected ? MetBy.CALLBACK_CONNECTED : MetBy.CALLBACK_NOT_CONNECTED));
    }

    private static UnaryOperator<CallbackTimeline> promise(String obligationId, long openedAt) {
        return t -> t.withPromise(new Promise(obligationId, openedAt));
    }
}
