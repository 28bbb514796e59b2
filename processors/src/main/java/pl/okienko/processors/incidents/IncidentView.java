package pl.okienko.processors.incidents;

import java.time.Instant;

/**
 * One incident (I1) as the console, the office page and the API show it.
 *
 * @param level highest level reported, 1–4; 0 when only a panic button is known
 * @param escalation the rung reached: NONE, SUPERVISOR, SECURITY, POLICE
 * @param alertState the INCIDENT alert's last step (RAISED, RERAISED, ACKNOWLEDGED, CLEARED), or null when none was raised
 * @param reraises how often the alert was raised again because nobody acknowledged it
 * @param resolvedBy who resolved it, when the resolution says
 * @param note the resolution's note, if any
 * @param policeNotifiedAt when the police were called (the earliest escalation to the police by an event);
 *     null when nobody called them, even if unacknowledged re-raises climbed to the police rung
 * @param policeNotifiedBy who called the police, when that escalation says
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
        String outcome,
        String resolvedBy,
        String note,
        Instant policeNotifiedAt,
        String policeNotifiedBy) {

    /** Not resolved yet. */
    public boolean open() {
        return resolvedAt == null;
    }

    /** Its alert is on the security console: raised, raised again or acknowledged, not cleared. */
    public boolean alerting() {
        return alertState != null && !"CLEARED".equals(alertState);
    }

    /** Someone called the police (the console's explicit step), not merely the police rung reached. */
    public boolean policeNotified() {
        return policeNotifiedAt != null;
    }

    /** Raised and nobody has said "I'm on it" yet. */
    public boolean awaitingAcknowledgement() {
        return alerting() && acknowledgedBy == null;
    }
}
