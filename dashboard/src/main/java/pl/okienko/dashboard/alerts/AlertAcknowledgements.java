package pl.okienko.dashboard.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.dashboard.platform.kafka.RecordPublisher;
import pl.okienko.events.incident.IncidentAcknowledged;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.incidents.IncidentView;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.topics.Topics;

/**
 * "I'm on it" (rule I1): records the acknowledgement of an alert by a signed-in person, for the
 * console's button and for {@code POST /api/v1/alerts/{alertId}/ack} alike.
 *
 * <p>The stream processors decide who was first, not this service: an INCIDENT alert's
 * acknowledgement becomes an {@code incident_acknowledged} event, which the incident topology
 * applies in the order of the office's partition; any other alert gets an ACKNOWLEDGED step, which
 * the alert history keeps only if it is the first. The service then waits briefly for the decision,
 * so two guards pressing at once get one "acknowledged by you" and one "already acknowledged by …".
 */
@Service
public class AlertAcknowledgements {

    /** The source of the events this service writes. */
    public static final String SOURCE = "okienko-console";
    static final Duration DECISION_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MS = 25;

    private final AlertViews alerts;
    private final IncidentViews incidents;
    private final RecordPublisher publisher;
    private final Clock clock;

    public AlertAcknowledgements(AlertViews alerts, IncidentViews incidents, RecordPublisher publisher) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** What became of an acknowledgement. */
    public enum Outcome {
        /** This person's acknowledgement is the one recorded. */
        ACKNOWLEDGED,
        /** Someone else was first; {@link Result#acknowledgedBy()} says who. */
        ALREADY_ACKNOWLEDGED,
        /** The alert is over (cleared, or its incident resolved). */
        CLEARED,
        /** Recorded, but the processors have not decided within {@link #DECISION_WAIT}. */
        PENDING
    }

    /** @param officeId the alert's office */
    public record Result(String alertId, String officeId, Outcome outcome, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** An alert known to the console or the alert history: its office and whether it is an incident's. */
    public record Target(String alertId, String officeId, boolean incident, String incidentId, AlertView alert) {
    }

    /** Finds an alert by id: an INCIDENT alert in the incident view (the first to know), any other in the alert history. */
    public Optional<Target> find(String alertId) {
        Optional<IncidentView> incident = incidents.byAlertId(alertId);
        if (incident.isPresent()) {
            IncidentView i = incident.get();
            return Optional.of(new Target(alertId, i.officeId(), true, i.incidentId(), null));
        }
        return alerts.alert(alertId).map(a -> new Target(alertId, a.officeId(), "INCIDENT".equals(a.type()),
                a.subjectId(), a));
    }

    /** Records {@code username}'s acknowledgement of {@code target} and waits for the decision. */
    public Result acknowledge(Target target, String username) {
        Decision now = decision(target);
        if (now.over()) {
            return result(target, Outcome.CLEARED, now);
        }
        if (now.by() != null) {
            return result(target, Outcome.ALREADY_ACKNOWLEDGED, now);
        }
        Instant at = clock.instant();
        if (target.incident()) {
            IncidentEvent event = IncidentEvent.newBuilder()
                    .setEventId(SOURCE + "-" + UUID.randomUUID())
                    .setOfficeId(target.officeId())
                    .setOccurredAt(at)
                    .setSource(SOURCE)
                    .setPayload(new IncidentAcknowledged(target.incidentId(), username))
                    .build();
            publisher.publish(List.of(RecordPublisher.record(Topics.INCIDENT_EVENTS, target.officeId(), event, at)));
        } else {
            AlertView a = target.alert();
            Alert step = Alert.newBuilder()
                    .setAlertId(a.alertId())
                    .setType(AlertType.valueOf(a.type()))
                    .setRule(a.rule())
                    .setState(AlertState.ACKNOWLEDGED)
                    .setOfficeId(a.officeId())
                    .setSubjectType(a.subjectType())
                    .setSubjectId(a.subjectId())
                    .setRaisedAt(a.raisedAt())
                    .setAt(at)
                    .setMessage(a.message())
                    .setDetails(a.details())
                    .setBy(username)
                    .setAcknowledgedAt(at)
                    .build();
            publisher.publish(List.of(RecordPublisher.record(Topics.ALERTS, a.officeId(), step, at)));
        }
        Decision decided = awaitDecision(() -> decision(target));
        if (decided.by() == null) {
            return result(target, decided.over() ? Outcome.CLEARED : Outcome.PENDING, decided);
        }
        return result(target, decided.by().equals(username) ? Outcome.ACKNOWLEDGED : Outcome.ALREADY_ACKNOWLEDGED,
                decided);
    }

    private record Decision(String by, Instant at, boolean over) {
    }

    private Decision decision(Target target) {
        if (target.incident()) {
            return incidents.byAlertId(target.alertId())
                    .map(i -> new Decision(i.acknowledgedBy(), i.acknowledgedAt(), !i.open()))
                    .orElseGet(() -> alerts.alert(target.alertId())
                            .map(a -> new Decision(a.acknowledgedBy(), a.acknowledgedAt(), !a.active()))
                            .orElse(new Decision(null, null, true)));
        }
        return alerts.alert(target.officeId(), target.alertId())
                .map(a -> new Decision(a.acknowledgedBy(), a.acknowledgedAt(), !a.active()))
                .orElse(new Decision(null, null, true));
    }

    private static Decision awaitDecision(Supplier<Decision> read) {
        long deadline = System.nanoTime() + DECISION_WAIT.toNanos();
        Decision d = read.get();
        while (d.by() == null && !d.over() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return d;
            }
            d = read.get();
        }
        return d;
    }

    private static Result result(Target target, Outcome outcome, Decision d) {
        return new Result(target.alertId(), target.officeId(), outcome, d.by(), d.at());
    }
}
