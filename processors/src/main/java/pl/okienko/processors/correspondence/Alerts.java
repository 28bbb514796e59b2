package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.util.Map;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.schemas.Rule;

/** Builds the lifecycle steps of EMAIL_OVERDUE (E1), COMPLAINT_DUE_SOON and COMPLAINT_OVERDUE (C1). */
final class Alerts {

    private Alerts() {
    }

    static String id(AlertType type, String officeId, String subjectId, long raisedAt) {
        return type + ":" + officeId + ":" + subjectId + ":" + raisedAt;
    }

    static Alert step(String alertId, AlertType type, Rule rule, AlertState state, String officeId,
            String subjectType, String subjectId, long raisedAt, long now, String message,
            Map<String, String> details) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setType(type)
                .setRule(rule.name())
                .setState(state)
                .setOfficeId(officeId)
                .setSubjectType(subjectType)
                .setSubjectId(subjectId)
                .setRaisedAt(Instant.ofEpochMilli(raisedAt))
                .setAt(Instant.ofEpochMilli(now))
                .setMessage(message)
                .setDetails(details)
                .build();
    }
}
