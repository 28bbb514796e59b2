package pl.okienko.processors.phone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What happened with one number, in event time, that can still change its callback obligations (T3, T4):
 * its missed calls, the promises made to it, and the calls that meet obligations (an outbound call to it
 * or an answered call from it). The obligations are worked out from these alone, so they come out the same
 * whatever order the events arrived in:
 *
 * <ul>
 * <li>missed calls are taken in time order; a missed call joins the T3 obligation open at its time, one
 * opened by an earlier missed call and not met before it ({@link #joins}); otherwise it opens a new one;</li>
 * <li>each obligation is met by the first meeting call at or after its opening; a meeting call and a missed
 * call at the same instant count the missed call first;</li>
 * <li>a promise (T4) is always its own obligation.</li>
 * </ul>
 *
 * <p>A settled past is dropped ({@link #prunedBefore}) so the timeline, and the number it is kept under,
 * do not outlive the late window.
 */
public final class CallbackTimeline {

    /** An unanswered call that showed the number; {@code calls} is more than one only for one read from older state. */
    public record MissedCall(String callId, String lineId, long at, int calls) {
        public MissedCall {
            Objects.requireNonNull(callId, "callId");
        }
    }

    /** A call that meets an obligation: an outbound call to the number or an answered call from it. */
    public record Meeting(long at, Obligation.MetBy by) {
        public Meeting {
            Objects.requireNonNull(by, "by");
        }
    }

    /** A promised callback (T4) opened at {@code openedAt}. */
    public record Promise(String obligationId, long openedAt) {
        public Promise {
            Objects.requireNonNull(obligationId, "obligationId");
        }
    }

    /**
     * One obligation as the timeline decides it.
     *
     * @param first the missed call that opened it (T3); null for a promise
     * @param missedCalls missed calls it stands for (T3); 1 for a promise
     * @param met the call that met it; null while open
     */
    public record Decided(String obligationId, Obligation.Kind kind, MissedCall first, long openedAt, int missedCalls,
            Meeting met) {
    }

    private static final Comparator<MissedCall> MISSED_ORDER =
            Comparator.comparingLong(MissedCall::at).thenComparing(MissedCall::callId);
    private static final Comparator<Meeting> MEETING_ORDER =
            Comparator.comparingLong(Meeting::at).thenComparing(Meeting::by);
    private static final Comparator<Promise> PROMISE_ORDER =
            Comparator.comparingLong(Promise::openedAt).thenComparing(Promise::obligationId);

    private final List<MissedCall> missedCalls;
    private final List<Meeting> meetings;
    private final List<Promise> promises;

    public CallbackTimeline(List<MissedCall> missedCalls, List<Meeting> meetings, List<Promise> promises) {
        this.missedCalls = sorted(missedCalls, MISSED_ORDER);
        this.meetings = sorted(meetings, MEETING_ORDER);
        this.promises = sorted(promises, PROMISE_ORDER);
    }

    public static CallbackTimeline empty() {
        return new CallbackTimeline(List.of(), List.of(), List.of());
    }

    /**
     * The joining decision (T3): a missed call at {@code missedAt} joins the obligation opened at
     * {@code openedAt} when it is not earlier and the obligation was not met before it ({@code metAt} null: open).
     */
    public static boolean joins(long missedAt, long openedAt, Long metAt) {
        return missedAt >= openedAt && (metAt == null || missedAt <= metAt);
    }

    /** This timeline with one more missed call; the same call again changes nothing. */
    public CallbackTimeline withMissedCall(MissedCall call) {
        if (missedCalls.stream().anyMatch(m -> m.callId().equals(call.callId()))) {
            return this;
        }
        return new CallbackTimeline(plus(missedCalls, call), meetings, promises);
    }

    public CallbackTimeline withMeeting(Meeting meeting) {
        if (meetings.contains(meeting)) {
            return this;
        }
        return new CallbackTimeline(missedCalls, plus(meetings, meeting), promises);
    }

    public CallbackTimeline withPromise(Promise promise) {
        if (promises.stream().anyMatch(p -> p.obligationId().equals(promise.obligationId()))) {
            return this;
        }
        return new CallbackTimeline(missedCalls, meetings, plus(promises, promise));
    }

    /** The obligations of the number: T3 in opening order, then T4 in opening order. */
    public List<Decided> obligations() {
        List<Decided> result = new ArrayList<>();
        MissedCall first = null;
        int count = 0;
        Meeting met = null;
        for (MissedCall call : missedCalls) {
            if (first != null && joins(call.at(), first.at(), met == null ? null : met.at())) {
                count += call.calls();
                continue;
            }
            if (first != null) {
                result.add(missed(first, count, met));
            }
            first = call;
            count = call.calls();
            met = firstMeetingFrom(call.at());
        }
        if (first != null) {
            result.add(missed(first, count, met));
        }
        for (Promise promise : promises) {
            result.add(new Decided(promise.obligationId(), Obligation.Kind.PROMISED, null, promise.openedAt(), 1,
                    firstMeetingFrom(promise.openedAt())));
        }
        return result;
    }

    /**
     * This timeline without what nothing at or after {@code horizon} can change any more: the obligations met
     * before it, and meetings before the earliest obligation still open or met from it on. The obligations of
     * what is left are the same as before.
     */
    public CallbackTimeline prunedBefore(long horizon) {
        long cut = horizon;
        for (Decided decided : obligations()) {
            if (decided.met() == null || decided.met().at() >= horizon) {
                cut = Math.min(cut, decided.openedAt());
            }
        }
        long keepFrom = cut;
        return new CallbackTimeline(missedCalls.stream().filter(m -> m.at() >= keepFrom).toList(),
                meetings.stream().filter(m -> m.at() >= keepFrom).toList(),
                promises.stream().filter(p -> p.openedAt() >= keepFrom).toList());
    }

    public boolean isEmpty() {
        return missedCalls.isEmpty() && meetings.isEmpty() && promises.isEmpty();
    }

    public List<MissedCall> missedCalls() {
        return missedCalls;
    }

    public List<Meeting> meetings() {
        return meetings;
    }

    public List<Promise> promises() {
        return promises;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallbackTimeline t && missedCalls.equals(t.missedCalls) && meetings.equals(t.meetings)
                && promises.equals(t.promises);
    }

    @Override
    public int hashCode() {
        return Objects.hash(missedCalls, meetings, promises);
    }

    private Meeting firstMeetingFrom(long at) {
        for (Meeting meeting : meetings) {
            if (meeting.at() >= at) {
                return meeting;
            }
        }
        return null;
    }

    private static Decided missed(MissedCall first, int count, Meeting met) {
        return new Decided(Obligation.idOf(Obligation.Kind.MISSED_CALL, first.callId()), Obligation.Kind.MISSED_CALL,
                first, first.at(), count, met);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> result = new ArrayList<>(list);
        result.add(item);
        return result;
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> result = new ArrayList<>(list);
        result.sort(order);
        return List.copyOf(result);
    }
}
