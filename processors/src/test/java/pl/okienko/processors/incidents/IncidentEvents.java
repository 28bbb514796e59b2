package pl.okienko.processors.incidents;

import java.time.Instant;

import pl.okienko.processors.OfficeEventsBuilder;
import pl.okienko.events.incident.EscalationTarget;
import pl.okienko.events.incident.IncidentAcknowledged;
import pl.okienko.events.incident.IncidentChannel;
import pl.okienko.events.incident.IncidentEscalated;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentOutcome;
import pl.okienko.events.incident.IncidentReported;
import pl.okienko.events.incident.IncidentResolved;
import pl.okienko.events.incident.PanicButton;

/** Builds incident events of one office for tests, numbering eventIds. */
final class IncidentEvents extends OfficeEventsBuilder {

    IncidentEvents(String officeId) {
        super(officeId);
    }

    IncidentEvent reported(String incidentId, String deskId, int level, Instant at) {
        return event(at, new IncidentReported(incidentId, deskId, null, level, IncidentChannel.IN_PERSON));
    }

    IncidentEvent panic(String incidentId, String deskId, Instant at) {
        return event(at, new PanicButton(incidentId, deskId, null));
    }

    IncidentEvent escalated(String incidentId, EscalationTarget to, Instant at) {
        return escalated(incidentId, to, null, at);
    }

    IncidentEvent escalated(String incidentId, EscalationTarget to, String by, Instant at) {
        return event(at, new IncidentEscalated(incidentId, to, by));
    }

    IncidentEvent acknowledged(String incidentId, String by, Instant at) {
        return event(at, new IncidentAcknowledged(incidentId, by));
    }

    IncidentEvent resolved(String incidentId, IncidentOutcome outcome, Instant at) {
        return resolved(incidentId, outcome, null, null, at);
    }

    IncidentEvent resolved(String incidentId, IncidentOutcome outcome, String by, String note, Instant at) {
        return event(at, new IncidentResolved(incidentId, outcome, by, note));
    }

    private IncidentEvent event(Instant at, Object payload) {
        return IncidentEvent.newBuilder()
                .setEventId(nextEventId("e"))
                .setOfficeId(officeId)
                .setOccurredAt(at)
                .setSource("test-panel")
                .setPayload(payload)
                .build();
    }
}
