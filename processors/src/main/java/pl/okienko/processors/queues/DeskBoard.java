package pl.okienko.processors.queues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pl.okienko.directory.Desk;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.TicketState;

/**
 * The desks of an office now (issue 14, the desk view; Q1, Q5), from the open desks and the tickets at
 * desks: a desk with a paused service is paused, one with a service started is serving, one with a
 * ticket only called is calling it, an open one with none is idle, and a desk of the directory that is
 * not open is closed. Listed in the directory's order, then the open desks it does not list.
 */
public final class DeskBoard {

    private DeskBoard() {
    }

    /**
     * @param office the office's directory entry (names, departments, the desks to list when closed)
     * @param open the office's open desks
     * @param tickets the office's tickets waiting or in service; those at a desk are placed there
     * @param now the time the view is for
     */
    public static List<DeskView> of(OfficeInfo office, List<DeskState> open, List<TicketState> tickets, Instant now) {
        Map<String, TicketState> atDesk = new LinkedHashMap<>();
        tickets.stream()
                .filter(ticket -> ticket.getDeskId() != null && ticket.getCalledAt() != null)
                // two tickets at one desk (a recall, an event lost upstream): the later call is the one there now
                .sorted(Comparator.comparingLong(TicketState::getCalledAt))
                .forEach(ticket -> atDesk.put(ticket.getDeskId(), ticket));
        Map<String, DeskState> openById = new LinkedHashMap<>();
        open.forEach(desk -> openById.put(desk.getDeskId(), desk));

        List<DeskView> board = new ArrayList<>();
        for (Desk desk : office.desks()) {
            board.add(view(office, desk.getDeskId(), Optional.ofNullable(openById.remove(desk.getDeskId())),
                    atDesk.get(desk.getDeskId()), now));
        }
        openById.values().stream().sorted(Comparator.comparing(DeskState::getDeskId))
                .forEach(desk -> board.add(view(office, desk.getDeskId(), Optional.of(desk), atDesk.get(desk.getDeskId()), now)));
        return board;
    }

    private static DeskView view(OfficeInfo office, String deskId, Optional<DeskState> open, TicketState ticket, Instant now) {
        String name = office.desks().nameOf(deskId);
        String departmentId = office.desks().departmentOf(deskId);
        if (open.isEmpty() && ticket == null) {
            return new DeskView(deskId, name, departmentId, DeskView.State.CLOSED, List.of(), null, null, null, null, null, null);
        }
        List<String> queueIds = open.map(DeskState::getQueueIds).orElse(List.of());
        if (ticket == null) {
            Instant since = Instant.ofEpochMilli(open.get().getOpenedAt());
            return new DeskView(deskId, name, departmentId, DeskView.State.IDLE, queueIds, null, null, null, since,
                    seconds(since, now), null);
        }
        DeskView.State state;
        long since;
        if (ticket.getPausedAt() != null) {
            state = DeskView.State.PAUSED;
            since = ticket.getPausedAt();
        } else if (ticket.getServiceStartedAt() != null) {
            state = DeskView.State.SERVING;
            since = ticket.getServiceStartedAt();
        } else {
            state = DeskView.State.CALLED;
            since = ticket.getCalledAt();
        }
        Instant from = Instant.ofEpochMilli(since);
        return new DeskView(deskId, name, departmentId, state, queueIds, ticket.getTicketId(), ticket.getQueueId(),
                ticket.getQueueId() == null ? null : office.queues().nameOf(ticket.getQueueId()), from,
                seconds(from, now), state == DeskView.State.PAUSED ? ticket.getPauseAnnouncedMinutes() : null);
    }

    private static long seconds(Instant since, Instant now) {
        return Math.max(0, now.getEpochSecond() - since.getEpochSecond());
    }
}
