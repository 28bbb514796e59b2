package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The latest state of one alert (raised, acknowledged or cleared), as served to the dashboard.
 *
 * @param rule the rule (docs/standards.md) the alert serves, e.g. Q2
 * @param state RAISED, RERAISED (nobody acknowledged in time, I1), ACKNOWLEDGED or CLEARED
 * @param acknowledgedAt when the first acknowledgement was recorded, or null
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
        String acknowledgedBy,
        Instant acknowledgedAt) {

    /** An alert without acknowledgement time, as built before the re-raise step existed. */
    public AlertView(String alertId, String type, String rule, String state, String officeId, String subjectType,
            String subjectId, Instant raisedAt, Instant updatedAt, String message, Map<String, String> details,
            String acknowledgedBy) {
        this(alertId, type, rule, state, officeId, subjectType, subjectId, raisedAt, updatedAt, message, details,
                acknowledgedBy, null);
    }

    /** The details typed by the alert's type; the raw {@link #details()} map stays what the API sends. */
    public AlertDetails typedDetails() {
        return AlertDetails.of(type, details);
    }

    /** Raised, re-raised or acknowledged, and not yet cleared. */
    public boolean active() {
        return !"CLEARED".equals(state);
    }

    /** Someone said "I'm on it". */
    public boolean acknowledged() {
        return acknowledgedBy != null;
    }
}
