package pl.okienko.processors;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;

/** What a replay must reproduce of one alert step: its id, type, subject, state and instant. */
public record ReplayedAlert(String alertId, AlertType type, String subjectId, AlertState state, Instant at) {

    public static ReplayedAlert of(Alert alert) {
        return new ReplayedAlert(alert.getAlertId(), alert.getType(), alert.getSubjectId(), alert.getState(),
                alert.getAt());
    }

    /** The steps of an alert topic as a history: by instant, then by alert id (same instant, several alerts). */
    public static List<ReplayedAlert> history(List<Alert> steps) {
        return steps.stream().map(ReplayedAlert::of)
                .sorted(Comparator.comparing(ReplayedAlert::at).thenComparing(ReplayedAlert::alertId)).toList();
    }
}
