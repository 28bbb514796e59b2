package pl.okienko.processors.correspondence;

import java.time.Duration;

import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;

/**
 * The reply clock of one received e-mail (E1, E2), over its stored state. Events may arrive in any
 * order: a reply whose received event comes later is kept and counted once the e-mail is known.
 *
 * <ul>
 * <li><b>Due</b>: received + the reply target (24 h by default) as <em>elapsed</em> time, so across
 * a daylight-saving change the local clock shows 23:00 or 25:00 later; or the date agreed with the
 * sender.</li>
 * <li><b>E1 met</b> ("within target"): the first response — a full reply or a holding reply — came
 * by that due. A holding reply after it is still a breach, but it sets the new date.</li>
 * <li><b>Date in force</b> for the full answer: the date stated by the last holding reply sent
 * (what the sender was told last), else the due. A holding reply sent after the date then in force
 * had passed marks the promise broken: the full answer then counts as late.</li>
 * <li><b>Answered on time</b>: full reply by the date in force, no promise broken.</li>
 * <li>Closed without reply (spam, duplicate, ...) is no breach; it is counted on its own.</li>
 * <li><b>E2</b>: read-receipt delay = sent − received against the target of the policy at receipt.</li>
 * </ul>
 */
public record EmailClock(EmailState state) implements CorrespondenceItem<EmailState> {

    public static EmailClock fresh(String messageId) {
        return new EmailClock(EmailState.newBuilder().setMessageId(messageId).build());
    }


    /** The first received event wins; a repeated one (another eventId) changes nothing. */
    public void received(String mailboxId, long at, boolean readReceiptRequested, Long agreedReplyBy,
            Duration replyTarget, Duration readReceiptTarget) {
        if (known()) {
            return;
        }
        state.setMailboxId(mailboxId);
        state.setReceivedAt(at);
        state.setReadReceiptRequested(readReceiptRequested);
        state.setInitialDueAt(agreedReplyBy != null ? agreedReplyBy : at + replyTarget.toMillis());
        state.setReadReceiptTargetMillis(readReceiptTarget.toMillis());
    }

    public void readReceiptSent(long at) {
        if (state.getReadReceiptSentAt() == null || at < state.getReadReceiptSentAt()) {
            state.setReadReceiptSentAt(at);
        }
    }

    /** Several holding replies: the last one sent sets the date in force. */
    public void holdingReply(long at, long promisedBy) {
        state.setHoldingReplies(state.getHoldingReplies() + 1);
        noteResponse(at, true);
        if (state.getPromisedAt() != null && at < state.getPromisedAt()) {
            // An older holding reply delivered late: the sender has been told a newer date since.
            return;
        }
        if (state.getPromisedBy() != null && at > state.getPromisedBy() && state.getRepliedAt() == null) {
            state.setPromiseBroken(true);
        }
        state.setPromisedBy(promisedBy);
        state.setPromisedAt(at);
    }

    public void replied(long at) {
        if (state.getRepliedAt() == null || at < state.getRepliedAt()) {
            state.setRepliedAt(at);
        }
        noteResponse(at, false);
    }

    public void closed(long at, String reason) {
        if (state.getClosedAt() == null) {
            state.setClosedAt(at);
            state.setCloseReason(reason);
        }
    }

    private void noteResponse(long at, boolean holding) {
        if (state.getFirstResponseAt() == null || at < state.getFirstResponseAt()) {
            state.setFirstResponseAt(at);
            state.setFirstResponseWasHolding(holding);
        }
    }

    /** The received event has arrived. */
    @Override
    public boolean known() {
        return state.getReceivedAt() != null;
    }

    /** Received, neither replied to nor closed. */
    @Override
    public boolean open() {
        return known() && state.getRepliedAt() == null && state.getClosedAt() == null;
    }

    /** Received. */
    @Override
    public long cameInAt() {
        return state.getReceivedAt();
    }

    /** The date in force for the full answer, or null while the e-mail is not known. */
    public Long dueAt() {
        if (!known()) {
            return null;
        }
        return state.getPromisedBy() != null ? state.getPromisedBy() : state.getInitialDueAt();
    }

    /** Open and past the date in force: a reply at the very due millisecond is still on time. */
    public boolean overdue(long now) {
        return open() && now > dueAt();
    }

    /** No response at all and the E1 due has passed: a breach already, while it stays open. */
    public boolean awaitingPastTarget(long now) {
        return open() && state.getFirstResponseAt() == null && now > state.getInitialDueAt();
    }

    /** A requested read receipt not sent yet. */
    public boolean readReceiptPending() {
        return known() && state.getReadReceiptRequested() && state.getReadReceiptSentAt() == null;
    }

    /** Read-receipt delay in ms once requested, sent and received are known, else null. */
    public Long readReceiptDelay() {
        if (!known() || !state.getReadReceiptRequested() || state.getReadReceiptSentAt() == null) {
            return null;
        }
        return Math.max(0, state.getReadReceiptSentAt() - state.getReceivedAt());
    }

    /** Time to the first response once both ends are known, else null. */
    public Long firstResponseTime() {
        if (!known() || state.getFirstResponseAt() == null) {
            return null;
        }
        return Math.max(0, state.getFirstResponseAt() - state.getReceivedAt());
    }

    /** What this e-mail adds to the counters of the day it was received; zero while it is not known. */
    public Counts counts() {
        if (!known()) {
            return Counts.ZERO;
        }
        Long first = state.getFirstResponseAt();
        // Without any response (open, or closed as spam) E1 is not decided by these counters.
        boolean met = first != null && first <= state.getInitialDueAt();
        boolean late = first != null && first > state.getInitialDueAt();
        Long replied = state.getRepliedAt();
        boolean onTime = replied != null && replied <= dueAt() && !state.getPromiseBroken();
        Long delay = readReceiptDelay();
        return new Counts(1,
                met && !state.getFirstResponseWasHolding() ? 1 : 0,
                met && state.getFirstResponseWasHolding() ? 1 : 0,
                late ? 1 : 0,
                state.getHoldingReplies() > 0 ? 1 : 0,
                onTime ? 1 : 0,
                replied != null && !onTime ? 1 : 0,
                state.getClosedAt() != null && replied == null ? 1 : 0,
                state.getReadReceiptRequested() ? 1 : 0,
                delay != null && delay <= state.getReadReceiptTargetMillis() ? 1 : 0,
                delay != null && delay > state.getReadReceiptTargetMillis() ? 1 : 0);
    }

    /**
     * The counters one e-mail contributes to its day, named as those of {@code EmailDayState}; differences of
     * two are applied to the day store ({@link DayCounters}).
     */
    public record Counts(long received, long repliedWithinTarget, long holdingWithinTarget, long respondedLate,
            long withHoldingReply, long answeredOnTime, long answeredLate, long closedWithoutReply,
            long readReceiptsRequested, long readReceiptsWithinTarget, long readReceiptsLate) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
