package pl.okienko.processors.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;


class DeadlineTimersTest {

    private final DeadlineTimers timers = new DeadlineTimers();

    @Test
    void shouldKeepOneDeadlinePerItemWhenItMoves() {
        timers.set("O1", "P1|A001", 5_000L);
        timers.set("O1", "P1|A001", 3_000L);

        assertThat(timers.due(10_000)).containsExactly(new DeadlineIndex.Due(3_000, "O1", "P1|A001"));
        assertThat(timers.due("O1", 10_000)).containsExactly(new DeadlineIndex.Due(3_000, "O1", "P1|A001"));
    }

    @Test
    void shouldForgetACancelledDeadline() {
        timers.set("O1", "Q2|A", 2_000L);
        timers.set("O2", "Q2|A", 2_500L);
        timers.set("O1", "Q2|A", null);

        assertThat(timers.due(10_000)).containsExactly(new DeadlineIndex.Due(2_500, "O2", "Q2|A"));
    }

    @Test
    void shouldShowOnlyWhatIsDueAndLeaveItUntilSetAgain() {
        timers.set("O1", "P1|A001", 1_000L);
        timers.set("O1", "P1|A002", 9_000L);

        assertThat(timers.due(1_000)).containsExactly(new DeadlineIndex.Due(1_000, "O1", "P1|A001"));
        assertThat(timers.due(1_000)).hasSize(1);
        timers.set("O1", "P1|A001", null);
        assertThat(timers.due(1_000)).isEmpty();
    }
}
