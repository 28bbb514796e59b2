package pl.okienko.processors.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import pl.okienko.processors.deadlines.OfficeCalendar;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.schemas.Rule;

/**
 * A callback obligation (T3, T4): the office owes a caller a call by a due time.
 *
 * <ul>
 * <li>T3: a missed call that showed its number; due after the policy's delay counted in the office's
 * business hours, so a call missed near closing time is due the next business day.</li>
 * <li>T4: a promised callback; due at the agreed time plus the policy's grace.</li>
 * </ul>
 *
 * <p>It is met by the first outbound call attempt to the number, or an answered inbound call from
 * it, that happens after it opened; on time when that happens by the due time (event time, so a
 * replay gives the same result however fast it runs), late otherwise. Once met, the number is
 * dropped: no rule needs it any more (docs/standards.md#personal-data). The met obligation itself is
 * forgotten after a retention ({@link #forgetAt}); an open one never is.
 *
 * <p>Several missed calls from one number while its T3 obligation is open add to that one
 * obligation (the count is kept) and do not move its due time: the caller is owed one callback, and
 * has been waiting since the first missed call. "Open" is at the missed call's event time, whatever
 * order the events arrive in: {@link CallbackTimeline} decides which calls make one obligation and
 * which call met it. A T4 promise is always its own obligation, because
 * it has its own agreed time; one callback meets every open obligation of the number.
 */
public final class Obligation {

    /** Which rule opened it. */
    public enum Kind {
        MISSED_CALL(Rule.T3), PROMISED(Rule.T4);

        private final Rule rule;

        Kind(Rule rule) {
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    /** What met it. */
    public enum MetBy {
        CALLBACK_CONNECTED, CALLBACK_NOT_CONNECTED, CALLER_ANSWERED
    }

    /** Where it stands at a moment. */
    public enum Status {
        OPEN, DUE_SOON, OVERDUE, MET_ON_TIME, MET_LATE
    }

    private final CallbackState state;

    private Obligation(CallbackState state) {
        this.state = state;
    }

    /** T3: a call from {@code number} missed at {@code missedAt}. */
    public static Obligation forMissedCall(String callId, String lineId, String number, long missedAt,
            OfficeCalendar calendar, Duration callbackDelay) {
        long due = calendar.plusBusinessTime(Instant.ofEpochMilli(missedAt), callbackDelay).toEpochMilli();
        return new Obligation(new CallbackState(idOf(Kind.MISSED_CALL, callId), Kind.MISSED_CALL.name(), lineId, callId,
                Objects.requireNonNull(number, "number"), missedAt, due, 1, false, null, null, null, null));
    }

    /** T4: a callback to {@code number} promised at {@code promisedAt} for {@code agreedAt}. */
    public static Obligation forPromise(String callbackId, String callId, String lineId, String number, long promisedAt,
            long agreedAt, Duration grace) {
        return new Obligation(new CallbackState(idOf(Kind.PROMISED, callbackId), Kind.PROMISED.name(), lineId, callId,
                Objects.requireNonNull(number, "number"), promisedAt, agreedAt + grace.toMillis(), 1, false, null, null,
                null, null));
    }

    /** The obligation id: {@code T3-callId} or {@code T4-callbackId}. */
    public static String idOf(Kind kind, String sourceId) {
        return kind.rule() + "-" + sourceId;
    }

    public static Obligation fromState(CallbackState state) {
        return new Obligation(state);
    }

    public CallbackState toState() {
        return state;
    }

    public String id() {
        return state.getObligationId();
    }

    public Kind kind() {
        return Kind.valueOf(state.getKind());
    }

    public String number() {
        return state.getNumber();
    }

    public long openedAt() {
        return state.getOpenedAt();
    }

    public long dueAt() {
        return state.getDueAt();
    }

    public boolean isOpen() {
        return state.getMetAt() == null;
    }

    /** A call at {@code at} meets it: it is open and the call did not happen before it opened. */
    public boolean canBeMetAt(long at) {
        return isOpen() && at >= state.getOpenedAt();
    }

    /** Another missed call from the same number (T3). */
    public void addMissedCall() {
        state.setMissedCalls(state.getMissedCalls() + 1);
    }

    /** Missed calls it stands for (T3); 1 for a promise. */
    public int missedCalls() {
        return state.getMissedCalls();
    }

    /** Sets the missed calls it stands for, as its number's timeline decides them (T3). */
    public void missedCalls(int count) {
        state.setMissedCalls(count);
    }

    public Long metAt() {
        return state.getMetAt();
    }

    /**
     * A met obligation was met by another call than the one recorded: one that arrived later but happened
     * earlier (event time decides, {@link CallbackTimeline}).
     */
    public void metInstead(long at, MetBy by) {
        if (isOpen() || at < state.getOpenedAt()) {
            throw new IllegalStateException("obligation " + id() + " cannot have been met at " + at);
        }
        state.setMetAt(at);
        state.setMetBy(by.name());
    }

    /**
     * Closes it and forgets the number.
     *
     * @return {@link Status#MET_ON_TIME} or {@link Status#MET_LATE}
     */
    public Status meet(long at, MetBy by) {
        if (!canBeMetAt(at)) {
            throw new IllegalStateException("obligation " + id() + " cannot be met at " + at);
        }
        state.setMetAt(at);
        state.setMetBy(by.name());
        state.setNumber(null);
        return metOnTime() ? Status.MET_ON_TIME : Status.MET_LATE;
    }

    /**
     * When a met obligation may be forgotten: {@code retention} after it was met or, if later, after it was
     * due. Counting from the due time too keeps every day's callback list (by due day) complete for the
     * retention after that day, also for a promise met long before its agreed time.
     *
     * @throws IllegalStateException while open: an open obligation is never forgotten
     */
    public long forgetAt(Duration retention) {
        if (isOpen()) {
            throw new IllegalStateException("obligation " + id() + " is open and is never forgotten");
        }
        return Math.max(state.getMetAt(), state.getDueAt()) + retention.toMillis();
    }

    /** Past its due time at {@code now}: open and the due time is behind. Met exactly at the due time is on time. */
    public boolean isPastDue(long now) {
        return isOpen() && now > state.getDueAt();
    }

    /** Records that the due time passed while it was open; true the first time. */
    public boolean markOverdue() {
        if (state.getOverdue()) {
            return false;
        }
        state.setOverdue(true);
        return true;
    }

    public Status status(long now, Duration dueSoon) {
        if (!isOpen()) {
            return metOnTime() ? Status.MET_ON_TIME : Status.MET_LATE;
        }
        if (isPastDue(now)) {
            return Status.OVERDUE;
        }
        return state.getDueAt() - now <= dueSoon.toMillis() ? Status.DUE_SOON : Status.OPEN;
    }

    /** The CALLBACK_OVERDUE alert raised for it and not yet cleared. */
    public String alertId() {
        return state.getAlertId();
    }

    public Long alertRaisedAt() {
        return state.getAlertRaisedAt();
    }

    public void alertRaised(String alertId, long at) {
        state.setAlertId(alertId);
        state.setAlertRaisedAt(at);
    }

    public void alertCleared() {
        state.setAlertId(null);
        state.setAlertRaisedAt(null);
    }

    private boolean metOnTime() {
        return state.getMetAt() <= state.getDueAt();
    }
}
