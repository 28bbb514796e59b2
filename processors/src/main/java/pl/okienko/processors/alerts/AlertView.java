package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The latest state of one alert (raised, acknowledged or cleared), as served to the dashboard.
 *
 * @param rule the STANDARDS.md rule the alert serves, e.g. Q2
 */
public record AlertView(
        String alertId,
        String type,
        String rule,
        String state,
        String officeId,
        String subjectType,
        String subjectId,
        Instant raisedAt,
        Instant updatedAt,
        String message,
        Map<String, String> details,
        String acknowledgedBy) {

    public boolean active() {
        return !"CLEARED".equals(state);
    }
}
