package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of a COMPLAINT_DUE_SOON or COMPLAINT_OVERDUE alert (C1).
 *
 * @param kind COMPLAINT or REQUEST
 * @param departmentId the department handling it, or null
 * @param extensions extensions of the due time, with and without notice
 */
public record ComplaintDeadlineDetails(String complaintId, String registerNumber, String kind, String departmentId,
        Instant registeredAt, Instant dueAt, Integer extensions) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("complaintId", complaintId).put("registerNumber", registerNumber)
                .put("kind", kind).put("departmentId", departmentId).put("registeredAt", registeredAt)
                .put("dueAt", dueAt).put("extensions", extensions).values();
    }

    static ComplaintDeadlineDetails read(DetailMap map) {
        return new ComplaintDeadlineDetails(map.text("complaintId"), map.text("registerNumber"), map.text("kind"),
                map.text("departmentId"), map.instant("registeredAt"), map.instant("dueAt"),
                map.integer("extensions"));
    }
}
