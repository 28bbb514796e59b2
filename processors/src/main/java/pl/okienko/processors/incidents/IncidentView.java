package pl.okienko.processors.incidents;

import java.time.Instant;

/**
 * One incident (I1) as the console, the office page and the API show it.
 *
 * @param level highest level reported, 1–4; 0 when only a panic button is known
 * @param escalation the rung reached: NONE, SUPERVISOR, SECURITY, POLICE
 * @param alertState the INCIDENT alert's last step (RAISED, RERAISED, ACKNOWLEDGED, CLEARED), or null when none was raised
 * @param reraises how often the alert was raised again because nobody acknowledged it
 */
public record IncidentView(
        String officeId,
        String incidentId,
        String alertId,
        int level,
        boolean panic,
        String deskId,
        String departmentId,
        String location,
        String channel,
        String escalation,
        int reraises,
        Instant reportedAt,
        String alertState,
        Instant alertRaisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant resolvedAt,
        String outcome) {

    /** Not resolved yet. */
    public boolean open() {
        return resolvedAt == null;
    }

    /** Its alert is on the security console: raised, raised again or acknowledged, not cleared. */
    public boolean alerting() {
        return alertState != null && !"CLEARED".equals(alertState);
    }

    /** Raised and nobody has said "I'm on it" yet. */
    public boolean awaitingAcknowledgement() {
        return alerting() && acknowledgedBy == null;
    }
}
