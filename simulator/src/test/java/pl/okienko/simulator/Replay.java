package pl.okienko.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.PriorityOffered;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.events.queue.ServicePaused;
import pl.okienko.events.queue.ServiceResumed;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;

/**
 * Replays generated events the way an observer of the building would, checking that each one is
 * possible at its moment and counting what the queue and priority rules look for.
 */
final class Replay {

    private enum Stage { WAITING, CALLED, SERVING, PAUSED, ENDED, REDIRECTED, GONE }

    private static final class Ticket {
        String queueId;
        PriorityCategory category;
        boolean declined;
        Stage stage = Stage.WAITING;
        String deskId;
        long since;
    }

    private static final class Office {
        final Map<String, Ticket> tickets = new LinkedHashMap<>();
        final Map<String, List<String>> openDesks = new HashMap<>();
        Instant last = Instant.MIN;
    }

    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> issuedPerOffice = new HashMap<>();
    int issued;
    int priority;
    int declined;
    int bypasses;
    int recalls;
    int noShows;
    int cancelled;
    int pauses;
    int transfers;
    final Map<ServiceOutcome, Integer> outcomes = new HashMap<>();
    /** Office id -> the first moment a queue had more than 15 waiting or a wait over 20 minutes (Q2). */
    final Map<String, Instant> firstExcessive = new HashMap<>();
    /** Office id -> the most clients waiting in one queue at any moment. */
    final Map<String, Integer> mostWaiting = new HashMap<>();

    private final Map<String, Office> offices = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();

    static Replay of(List<SpecificRecord> events) {
        Replay replay = new Replay();
        events.forEach(replay::accept);
        return replay;
    }

    void accept(SpecificRecord event) {
        String officeId = Days.officeId(event);
        Instant at = Days.occurredAt(event);
        String eventId = event instanceof QueueEvent q ? q.getEventId() : ((DeskEvent) event).getEventId();
        if (!eventIds.add(eventId)) {
            violations.add("duplicate eventId " + eventId);
        }
        Office office = offices.computeIfAbsent(officeId, id -> new Office());
        if (at.isBefore(office.last)) {
            violations.add(eventId + " goes back in time in " + officeId);
        }
        office.last = at;
        long now = at.toEpochMilli();
        Object payload = event instanceof QueueEvent q ? q.getPayload() : ((DeskEvent) event).getPayload();
        if (payload instanceof DeskOpened opened) {
            office.openDesks.put(opened.getDeskId(), List.copyOf(opened.getQueueIds()));
        } else if (payload instanceof DeskClosed closed) {
            if (office.openDesks.remove(closed.getDeskId()) == null) {
                violations.add(eventId + ": desk " + closed.getDeskId() + " closed but was not open");
            }
        } else if (payload instanceof TicketIssued issue) {
            Ticket ticket = new Ticket();
            ticket.queueId = issue.getQueueId();
            ticket.category = issue.getPriorityCategory();
            ticket.since = now;
            if (office.tickets.put(issue.getTicketId(), ticket) != null) {
                violations.add(eventId + ": ticket " + issue.getTicketId() + " issued twice");
            }
            issued++;
            issuedPerOffice.merge(officeId, 1, Integer::sum);
            if (ticket.category != PriorityCategory.NONE) {
                priority++;
            }
        } else if (payload instanceof PriorityOffered offer) {
            Ticket ticket = known(office, offer.getTicketId(), eventId);
            if (ticket != null && !offer.getAccepted()) {
                ticket.declined = true;
                declined++;
            }
        } else if (payload instanceof TicketCalled call) {
            called(office, call, eventId);
        } else if (payload instanceof ServiceStarted started) {
            Ticket ticket = move(office, started.getTicketId(), Stage.CALLED, Stage.SERVING, eventId);
            if (ticket != null && !ticket.deskId.equals(started.getDeskId())) {
                violations.add(eventId + ": started at " + started.getDeskId() + " but called to " + ticket.deskId);
            }
        } else if (payload instanceof ServicePaused paused) {
            if (move(office, paused.getTicketId(), Stage.SERVING, Stage.PAUSED, eventId) != null) {
                pauses++;
            }
        } else if (payload instanceof ServiceResumed resumed) {
            move(office, resumed.getTicketId(), Stage.PAUSED, Stage.SERVING, eventId);
        } else if (payload instanceof ServiceEnded ended) {
            Stage next = ended.getOutcome() == ServiceOutcome.REDIRECTED ? Stage.REDIRECTED : Stage.ENDED;
            if (move(office, ended.getTicketId(), Stage.SERVING, next, eventId) != null) {
                outcomes.merge(ended.getOutcome(), 1, Integer::sum);
            }
        } else if (payload instanceof TicketTransferred transfer) {
            Ticket ticket = move(office, transfer.getTicketId(), Stage.REDIRECTED, Stage.WAITING, eventId);
            if (ticket != null) {
                ticket.queueId = transfer.getToQueueId();
                ticket.since = now;
                transfers++;
            }
        } else if (payload instanceof TicketCancelled cancel) {
            if (move(office, cancel.getTicketId(), Stage.WAITING, Stage.GONE, eventId) != null) {
                cancelled++;
            }
        } else if (payload instanceof NoShow noShow) {
            if (move(office, noShow.getTicketId(), Stage.CALLED, Stage.GONE, eventId) != null) {
                noShows++;
            }
        }
        watchQueues(officeId, office, at);
    }

    private void called(Office office, TicketCalled call, String eventId) {
        Ticket ticket = known(office, call.getTicketId(), eventId);
        if (ticket == null) {
            return;
        }
        List<String> served = office.openDesks.get(call.getDeskId());
        if (served == null) {
            violations.add(eventId + ": desk " + call.getDeskId() + " called while closed");
        } else if (!served.contains(ticket.queueId)) {
            violations.add(eventId + ": desk " + call.getDeskId() + " does not serve queue " + ticket.queueId);
        }
        if (call.getRecall()) {
            if (ticket.stage != Stage.CALLED || !call.getDeskId().equals(ticket.deskId)) {
                violations.add(eventId + ": recall of " + call.getTicketId() + " that was not called there");
            }
            recalls++;
            return;
        }
        if (ticket.stage != Stage.WAITING) {
            violations.add(eventId + ": called " + call.getTicketId() + " in stage " + ticket.stage);
            return;
        }
        boolean regular = ticket.category == PriorityCategory.NONE || ticket.declined;
        for (Map.Entry<String, Ticket> entry : office.tickets.entrySet()) {
            Ticket other = entry.getValue();
            if (other == ticket || other.stage != Stage.WAITING || !other.queueId.equals(ticket.queueId)) {
                continue;
            }
            if (regular && other.category != PriorityCategory.NONE && !other.declined) {
                bypasses++;
                break;
            }
        }
        ticket.stage = Stage.CALLED;
        ticket.deskId = call.getDeskId();
    }

    private void watchQueues(String officeId, Office office, Instant at) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, Long> oldest = new HashMap<>();
        for (Ticket ticket : office.tickets.values()) {
            if (ticket.stage == Stage.WAITING) {
                waiting.merge(ticket.queueId, 1, Integer::sum);
                oldest.merge(ticket.queueId, ticket.since, Math::min);
            }
        }
        for (Map.Entry<String, Integer> queue : waiting.entrySet()) {
            mostWaiting.merge(officeId, queue.getValue(), Math::max);
            long longest = at.toEpochMilli() - oldest.get(queue.getKey());
            if (queue.getValue() > 15 || longest > 20 * 60_000) {
                firstExcessive.putIfAbsent(officeId, at);
            }
        }
    }

    private Ticket known(Office office, String ticketId, String eventId) {
        Ticket ticket = office.tickets.get(ticketId);
        if (ticket == null) {
            violations.add(eventId + ": ticket " + ticketId + " was never issued in this office");
        }
        return ticket;
    }

    /** The ticket, moved on from the stage it must be in; null when it is unknown or elsewhere (a violation). */
    private Ticket move(Office office, String ticketId, Stage from, Stage to, String eventId) {
        Ticket ticket = known(office, ticketId, eventId);
        if (ticket == null) {
            return null;
        }
        if (ticket.stage != from) {
            violations.add(eventId + ": " + ticketId + " is " + ticket.stage + ", expected " + from);
            return null;
        }
        ticket.stage = to;
        return ticket;
    }

    /** Tickets still open once the day's events are over: none should be. */
    List<String> unfinished() {
        List<String> open = new ArrayList<>();
        offices.forEach((officeId, office) -> office.tickets.forEach((id, ticket) -> {
            if (ticket.stage != Stage.ENDED && ticket.stage != Stage.GONE) {
                open.add(officeId + "/" + id + " " + ticket.stage);
            }
        }));
        return open;
    }

    /** Desks still open once the day's events are over: none should be. */
    List<String> desksLeftOpen() {
        List<String> open = new ArrayList<>();
        offices.forEach((officeId, office) -> office.openDesks.keySet().forEach(desk -> open.add(officeId + "/" + desk)));
        return open;
    }
}
