package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of an EMAIL_OVERDUE alert (E1): an e-mail without a reply past its due time.
 *
 * @param departmentId the department of the mailbox, or null
 * @param holdingReplies holding replies sent, each of which moved the due time
 */
public record EmailOverdueDetails(String messageId, String mailboxId, String departmentId, Instant receivedAt,
        Instant dueAt, Integer holdingReplies) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("messageId", messageId).put("mailboxId", mailboxId)
                .put("departmentId", departmentId).put("receivedAt", receivedAt).put("dueAt", dueAt)
                .put("holdingReplies", holdingReplies).values();
    }

    static EmailOverdueDetails read(DetailMap map) {
        return new EmailOverdueDetails(map.text("messageId"), map.text("mailboxId"), map.text("departmentId"),
                map.instant("receivedAt"), map.instant("dueAt"), map.integer("holdingReplies"));
    }
}
