package pl.okienko.processors.alerts;

import java.time.Instant;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.schemas.Rule;

/**
 * Builds every alert step the processors publish (Q2, P1, T3/T4, E1, C1, I1), in one place and with one id
 * format: {@code <TYPE>:<officeId>:<subjectType>:<subjectId>:<raisedAtMillis>}, e.g.
 * {@code QUEUE_EXCESSIVE:UM-JED:queue:A:1732436400000}. The raise instant is the office's rule time, so a replay
 * of the same events gives the same ids; every later step of the alert (re-raise, acknowledgement, clear)
 * keeps the id of its raise. Its details are written from the typed {@link AlertDetails} of its type.
 */
public final class AlertFactory {

    private AlertFactory() {
    }

    /** The id of an alert raised at {@code raisedAtMillis}. */
    public static String id(AlertType type, String officeId, String subjectType, String subjectId,
            long raisedAtMillis) {
        return type + ":" + officeId + ":" + subjectType + ":" + subjectId + ":" + raisedAtMillis;
    }

    /**
     * One step of an alert's life.
     *
     * @param raisedAt when the alert was raised (epoch millis)
     * @param at when this step happened (epoch millis); also the record's timestamp
     */
    public static Alert step(String alertId, AlertType type, Rule rule, AlertState state, String officeId,
            String subjectType, String subjectId, long raisedAt, long at, String message, AlertDetails details) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setType(type)
                .setRule(rule.name())
                .setState(state)
                .setOfficeId(officeId)
                .setSubjectType(subjectType)
                .setSubjectId(subjectId)
                .setRaisedAt(Instant.ofEpochMilli(raisedAt))
                .setAt(Instant.ofEpochMilli(at))
                .setMessage(message)
                .setDetails(details.toMap())
                .build();
    }
}
