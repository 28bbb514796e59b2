package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.queues.DeskView.State;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.TicketState;

class DeskBoardTest {

    private static final Instant NINE = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant NOW = NINE.plusSeconds(30 * 60);
    private static final OfficeInfo OFFICE = OfficeInfo.of("UM-A", Office.newBuilder().setOfficeId("UM-A").setName("Urząd")
            .setDesks(List.of(new Desk("D1", "WSO", "Stanowisko 1"), new Desk("D2", "WSO", "Stanowisko 2"),
                    new Desk("D3", "WSO", "Stanowisko 3"), new Desk("D4", null, "Stanowisko 4"),
                    new Desk("D5", null, "Kasa")))
            .build());

    @Test
    void shouldTellServingCallingPausedIdleAndClosedDesksWithTheirTicketAndSinceWhen() {
        List<DeskState> open = List.of(desk("D1", NINE), desk("D2", NINE), desk("D3", NINE), desk("D4", NINE.plusSeconds(600)));
        List<TicketState> tickets = List.of(
                // served at D1 since 09:20
                ticket("A1", "D1", NINE.plusSeconds(19 * 60), NINE.plusSeconds(20 * 60), null),
                // called to D2 at 09:28, not sat down yet
                ticket("A2", "D2", NINE.plusSeconds(28 * 60), null, null),
                // served at D3 from 09:05, paused at 09:25 for 10 minutes
                ticket("B1", "D3", NINE.plusSeconds(4 * 60), NINE.plusSeconds(5 * 60), NINE.plusSeconds(25 * 60)),
                // still waiting: at no desk
                ticket("A3", null, null, null, null));

        List<DeskView> board = DeskBoard.of(OFFICE, open, tickets, NOW);

        assertThat(board).extracting(DeskView::deskId, DeskView::name, DeskView::state, DeskView::ticketId, DeskView::since,
                DeskView::seconds).containsExactly(
                        tuple("D1", "Stanowisko 1", State.SERVING, "A1", NINE.plusSeconds(20 * 60), 600L),
                        tuple("D2", "Stanowisko 2", State.CALLED, "A2", NINE.plusSeconds(28 * 60), 120L),
                        tuple("D3", "Stanowisko 3", State.PAUSED, "B1", NINE.plusSeconds(25 * 60), 300L),
                        tuple("D4", "Stanowisko 4", State.IDLE, null, NINE.plusSeconds(600), 1200L),
                        tuple("D5", "Kasa", State.CLOSED, null, null, null));
        assertThat(board.get(2).pauseAnnouncedMinutes()).isEqualTo(10);
        assertThat(board.get(0).queueIds()).containsExactly("A", "B");
        assertThat(board.get(4).queueIds()).isEmpty();
    }

    @Test
    void shouldPlaceTheLaterCallWhenTwoTicketsSitAtOneDeskAndListAnOpenDeskTheDirectoryDoesNotKnowLast() {
        List<DeskState> open = List.of(desk("X9", NINE), desk("D1", NINE));
        List<TicketState> tickets = List.of(
                ticket("A7", "D1", NINE.plusSeconds(25 * 60), null, null),
                ticket("A6", "D1", NINE.plusSeconds(10 * 60), NINE.plusSeconds(11 * 60), null));

        List<DeskView> board = DeskBoard.of(OFFICE, open, tickets, NOW);

        assertThat(board.get(0)).extracting(DeskView::state, DeskView::ticketId).containsExactly(State.CALLED, "A7");
        assertThat(board).last().extracting(DeskView::deskId, DeskView::name, DeskView::state)
                .containsExactly("X9", "X9", State.IDLE);
        assertThat(board).hasSize(6);
    }

    private static DeskState desk(String deskId, Instant openedAt) {
        return new DeskState(deskId, List.of("A", "B"), openedAt.toEpochMilli());
    }

    private static TicketState ticket(String ticketId, String deskId, Instant calledAt, Instant serviceStartedAt, Instant pausedAt) {
        return TicketState.newBuilder().setTicketId(ticketId).setQueueId(ticketId.substring(0, 1)).setDeskId(deskId)
                .setIssuedAt(NINE.toEpochMilli()).setWaitingSince(NINE.toEpochMilli())
                .setCalledAt(calledAt == null ? null : calledAt.toEpochMilli())
                .setServiceStartedAt(serviceStartedAt == null ? null : serviceStartedAt.toEpochMilli())
                .setPausedAt(pausedAt == null ? null : pausedAt.toEpochMilli())
                .setPauseAnnouncedMinutes(pausedAt == null ? null : 10)
                .setTouchedAt(NINE.toEpochMilli()).setOffered(false).setTransferred(false).build();
    }
}
