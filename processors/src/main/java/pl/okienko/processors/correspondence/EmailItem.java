package pl.okienko.processors.correspondence;

import java.time.Instant;

/**
 * One open e-mail (E1) with its time left: negative seconds when overdue.
 *
 * @param dueAt the date in force: the last holding reply's date, else received + 24 h or the agreed date
 * @param responded a holding reply has been sent (E1's 24 h rule is then decided)
 */
public record EmailItem(
        String messageId,
        String mailboxId,
        String mailboxName,
        String departmentId,
        Instant receivedAt,
        Instant dueAt,
        long secondsLeft,
        boolean overdue,
        boolean responded,
        int holdingReplies,
        boolean readReceiptPending) {
}
