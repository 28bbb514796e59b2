package pl.okienko.processors.correspondence;

import java.time.Instant;

/**
 * One open complaint or request (C1) with its time left: negative seconds when overdue.
 *
 * @param dueAt the deadline in force
 * @param originalDueAt the deadline at registration
 */
public record ComplaintItem(
        String complaintId,
        String registerNumber,
        String kind,
        String departmentId,
        String departmentName,
        Instant registeredAt,
        Instant dueAt,
        Instant originalDueAt,
        long secondsLeft,
        boolean dueSoon,
        boolean overdue,
        int extensionsWithNotice,
        int extensionsWithoutNotice) {
}
