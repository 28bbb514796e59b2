package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pl.okienko.processors.alerts.AlertView;

/**
 * Alerts triaged (issue 14): incidents first, then priority waits and overdue callbacks, then queues, then
 * deadlines days away; within a severity the longest open first; acknowledged ones apart from new ones.
 */
class AlertTriageTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "INCIDENT, I1, CRITICAL",
            "INCIDENT_HOTSPOT, I1, HIGH",
            "PRIORITY_WAITING, P1, HIGH",
            "CALLBACK_OVERDUE, T3, HIGH",
            "CALLBACK_OVERDUE, T4, HIGH",
            "QUEUE_EXCESSIVE, Q2, MEDIUM",
            "EMAIL_OVERDUE, E1, LOW",
            "COMPLAINT_DUE_SOON, C1, LOW",
            "COMPLAINT_OVERDUE, C1, LOW",
            // a type newer than this reader arrives as UNKNOWN: ranked by its rule
            "UNKNOWN, I1, CRITICAL",
            "UNKNOWN, T4, HIGH",
            "UNKNOWN, E3, LOW",
            "UNKNOWN, S1, MEDIUM"})
    void shouldRankEachAlertTypeBySeverity(String type, String rule, AlertSeverity expected) {
        assertThat(AlertSeverity.of(type, rule)).isEqualTo(expected);
    }

    @Test
    void shouldRankSeveritiesFromCriticalToLowWithADistinctClassEach() {
        assertThat(AlertSeverity.values()).containsExactly(AlertSeverity.CRITICAL, AlertSeverity.HIGH,
                AlertSeverity.MEDIUM, AlertSeverity.LOW);
        assertThat(List.of(AlertSeverity.values()).stream().map(AlertSeverity::cssClass))
                .containsExactly("severity-critical", "severity-high", "severity-medium", "severity-low");
    }

    @Test
    void shouldListNewAlertsBySeverityThenAgeAndAcknowledgedOnesApart() {
        AlertView complaint = alert("COMPLAINT_DUE_SOON", "C1", "c", 0, null);
        AlertView queueOlder = alert("QUEUE_EXCESSIVE", "Q2", "q-older", 5, null);
        AlertView queueNewer = alert("QUEUE_EXCESSIVE", "Q2", "q-newer", 10, null);
        AlertView callback = alert("CALLBACK_OVERDUE", "T4", "cb", 20, null);
        AlertView priority = alert("PRIORITY_WAITING", "P1", "p", 15, null);
        AlertView incident = alert("INCIDENT", "I1", "i", 30, null);
        AlertView acknowledgedIncident = alert("INCIDENT", "I1", "i-ack", 1, "anna");
        AlertView acknowledgedEmail = alert("EMAIL_OVERDUE", "E1", "e-ack", 2, "anna");
        AlertView cleared = new AlertView("cleared", "INCIDENT", "I1", "CLEARED", "UM-JED", "incident", "gone", T0, T0, "m",
                Map.of(), null);

        AlertTriage triage = AlertTriage.of(List.of(complaint, queueNewer, acknowledgedEmail, queueOlder, callback, cleared,
                priority, acknowledgedIncident, incident), AlertTriageTest::line);

        assertThat(triage.fresh()).extracting(AlertLine::subjectId)
                .containsExactly("i", "p", "cb", "q-older", "q-newer", "c");
        assertThat(triage.acknowledged()).extracting(AlertLine::subjectId).containsExactly("i-ack", "e-ack");
        assertThat(triage.isEmpty()).isFalse();
        assertThat(AlertTriage.of(List.of(cleared), AlertTriageTest::line).isEmpty()).isTrue();
    }

    private static AlertLine line(AlertView alert) {
        return new AlertLine(alert.alertId(), alert.type(), alert.rule(), alert.state(), alert.subjectId(),
                AlertSeverity.of(alert.type(), alert.rule()), alert.type(), null, "", null, null, null);
    }

    private static AlertView alert(String type, String rule, String subjectId, int minutesAfterT0, String acknowledgedBy) {
        Instant raised = T0.plusSeconds(60L * minutesAfterT0);
        return new AlertView(type + ":" + subjectId, type, rule, acknowledgedBy == null ? "RAISED" : "ACKNOWLEDGED",
                "UM-JED", "x", subjectId, raised, raised, "m", Map.of(), acknowledgedBy);
    }
}
