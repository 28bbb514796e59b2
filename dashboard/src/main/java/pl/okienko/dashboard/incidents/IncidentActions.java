package pl.okienko.dashboard.incidents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.kafka.RecordPublisher;
import pl.okienko.events.incident.EscalationTarget;
import pl.okienko.events.incident.IncidentEscalated;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentOutcome;
import pl.okienko.events.incident.IncidentResolved;
import pl.okienko.processors.incidents.IncidentView;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.schemas.EventContract;
import pl.okienko.topics.Topics;

/**
 * The security console's steps after the acknowledgement (I1): "police notified" and "resolved, with
 * an outcome and a note". Each becomes an incident event ({@code incident_escalated} to POLICE with
 * {@code by}, {@code incident_resolved} with {@code by} and {@code note}) on the incident topic, where
 * the incident topology applies it like any building system's; the console shows the result over SSE.
 *
 * <p>Each step's eventId is made from the step and the incident alone, so a double click, or a second
 * guard doing the same, writes the same eventId and the topology counts it once: the first stands.
 */
@Service
public class IncidentActions {

    /** The source of the events the console writes; the acknowledgement writes under the same name. */
    public static final String SOURCE = "okienko-console";

    private final IncidentViews incidents;
    private final RecordPublisher publisher;

    public IncidentActions(IncidentViews incidents, RecordPublisher publisher) {
        this.incidents = incidents;
        this.publisher = publisher;
    }

    /** What was written: the step's event, by its id. */
    public record Accepted(String officeId, String incidentId, String step, String eventId, Instant at) {
    }

    /**
     * Records that {@code by} called the police to the incident.
     *
     * @throws ResponseStatusException 404 for an incident the office does not have, 409 for one already resolved
     */
    public Accepted policeNotified(String officeId, String incidentId, String by) {
        open(officeId, incidentId);
        return write(officeId, incidentId, "police", new IncidentEscalated(incidentId, EscalationTarget.POLICE, by));
    }

    /**
     * Records that {@code by} resolved the incident with {@code outcome} (a symbol of IncidentOutcome) and an
     * optional note.
     *
     * @throws ResponseStatusException 400 for an unknown outcome or a note over the contract's limit, 404 for an
     *     incident the office does not have, 409 for one already resolved
     */
    public Accepted resolve(String officeId, String incidentId, String outcome, String note, String by) {
        IncidentOutcome parsed = outcome(outcome);
        open(officeId, incidentId);
        String text = note == null || note.isBlank() ? null : note.strip();
        return write(officeId, incidentId, "resolve", new IncidentResolved(incidentId, parsed, by, text));
    }

    /** The eventId of a step: the same for every click on the same step of the same incident. */
    static String eventId(String step, String incidentId) {
        return step + "-" + UUID.nameUUIDFromBytes(incidentId.getBytes(StandardCharsets.UTF_8));
    }

    private static IncidentOutcome outcome(String outcome) {
        return Arrays.stream(IncidentOutcome.values()).filter(o -> o.name().equals(outcome)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "outcome '" + outcome
                        + "' is not known: expected one of " + Arrays.stream(IncidentOutcome.values())
                                .map(Enum::name).collect(Collectors.joining(", "))));
    }

    private IncidentView open(String officeId, String incidentId) {
        Optional<IncidentView> found = incidents.incident(officeId, incidentId);
        IncidentView incident = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no incident " + incidentId + " in office " + officeId));
        if (!incident.open()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "incident " + incidentId + " was resolved at "
                    + incident.resolvedAt() + " (" + incident.outcome() + ")");
        }
        return incident;
    }

    private Accepted write(String officeId, String incidentId, String step, SpecificRecord payload) {
        Instant at = Instant.now();
        String eventId = eventId(step, incidentId);
        IncidentEvent event = IncidentEvent.newBuilder().setEventId(eventId).setOfficeId(officeId).setOccurredAt(at)
                .setSource(SOURCE).setPayload(payload).build();
        EventContract.check(event, at).ifPresent(broken -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, broken);
        });
        publisher.publish(List.of(RecordPublisher.record(Topics.INCIDENT_EVENTS, officeId, event, at)));
        return new Accepted(officeId, incidentId, step, eventId, at);
    }
}
