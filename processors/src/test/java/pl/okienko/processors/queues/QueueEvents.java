package pl.okienko.processors.queues;

import java.time.Instant;
import java.util.List;

import pl.okienko.processors.OfficeEventsBuilder;
import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.PriorityOffered;
import pl.okienko.events.queue.ServicePaused;
import pl.okienko.events.queue.ServiceResumed;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;

/** Builds queue and desk events of one office for tests, numbering eventIds. */
final class QueueEvents extends OfficeEventsBuilder {

    QueueEvents(String officeId) {
        super(officeId);
    }

    QueueEvent issued(String ticketId, String queueId, Instant at) {
        return queue(at, new TicketIssued(ticketId, queueId, PriorityCategory.NONE, false));
    }

    QueueEvent issuedPriority(String ticketId, String queueId, PriorityCategory category, Instant at) {
        return queue(at, new TicketIssued(ticketId, queueId, category, false));
    }

    QueueEvent offered(String ticketId, boolean accepted, Instant at) {
        return queue(at, new PriorityOffered(ticketId, accepted));
    }

    QueueEvent paused(String ticketId, Integer announcedMinutes, Instant at) {
        return queue(at, new ServicePaused(ticketId, announcedMinutes));
    }

    QueueEvent resumed(String ticketId, Instant at) {
        return queue(at, new ServiceResumed(ticketId));
    }

    QueueEvent ended(String ticketId, ServiceOutcome outcome, Instant at) {
        return queue(at, new ServiceEnded(ticketId, outcome));
    }

    QueueEvent called(String ticketId, String deskId, Instant at) {
        return queue(at, new TicketCalled(ticketId, deskId, false));
    }

    QueueEvent recalled(String ticketId, String deskId, Instant at) {
        return queue(at, new TicketCalled(ticketId, deskId, true));
    }

    QueueEvent started(String ticketId, Instant at) {
        return queue(at, new ServiceStarted(ticketId, null));
    }

    QueueEvent ended(String ticketId, Instant at) {
        return queue(at, new ServiceEnded(ticketId, ServiceOutcome.RESOLVED));
    }

    QueueEvent transferred(String ticketId, String toQueueId, Instant at) {
        return queue(at, new TicketTransferred(ticketId, toQueueId));
    }

    QueueEvent cancelled(String ticketId, Instant at) {
        return queue(at, new TicketCancelled(ticketId));
    }

    QueueEvent noShow(String ticketId, Instant at) {
        return queue(at, new NoShow(ticketId));
    }

    DeskEvent opened(String deskId, Instant at, String... queueIds) {
        return new DeskEvent(nextEventId("e"), officeId, at, "test-desk", new DeskOpened(deskId, List.of(queueIds)));
    }

    DeskEvent closed(String deskId, Instant at) {
        return new DeskEvent(nextEventId("e"), officeId, at, "test-desk", new DeskClosed(deskId));
    }

    private QueueEvent queue(Instant at, Object payload) {
        return new QueueEvent(nextEventId("e"), officeId, at, "test-machine", payload);
    }
}
