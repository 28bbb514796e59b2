package pl.okienko.processors.correspondence;

import pl.okienko.processors.stats.DurationStats;

/**
 * E-mail figures (E1, E2) of one mailbox, department or office for the e-mails received on one
 * office-local day, as they stand now.
 *
 * @param id mailboxId, departmentId or officeId
 * @param received e-mails received that day
 * @param repliedWithinTarget first response a full reply, by the E1 due
 * @param holdingWithinTarget first response a holding reply, by the E1 due
 * @param respondedLate first response (either kind) after the E1 due
 * @param awaitingPastTarget still open with no response at all, past the E1 due: breaches too
 * @param withinTargetRate (repliedWithinTarget + holdingWithinTarget) ÷ (those + respondedLate +
 *     awaitingPastTarget); null when nothing is decided yet
 * @param withHoldingReply e-mails that got at least one holding reply
 * @param answeredOnTime full reply by the date in force (the last holding reply's date, else the due)
 * @param answeredLate full reply after it, or after a broken promise
 * @param closedWithoutReply closed with no full reply (spam, duplicates, answered elsewhere): no breach
 * @param open received that day and not yet replied to or closed
 * @param overdue of those, past the date in force
 * @param firstResponseTime received → first response (holding or full)
 */
public record EmailFigures(
        String id,
        String name,
        long received,
        long repliedWithinTarget,
        long holdingWithinTarget,
        long respondedLate,
        long awaitingPastTarget,
        Double withinTargetRate,
        long withHoldingReply,
        long answeredOnTime,
        long answeredLate,
        long closedWithoutReply,
        long open,
        long overdue,
        ReadReceiptFigures readReceipts,
        DurationStats firstResponseTime) {

    /**
     * Read receipts (E2) of the e-mails that asked for one.
     *
     * @param withinTarget sent within the target (10 min by default)
     * @param late sent after it
     * @param pending not sent yet, e-mail still open
     * @param delay received → read receipt sent
     */
    public record ReadReceiptFigures(long requested, long withinTarget, long late, long pending, DurationStats delay) {
    }
}
