package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitingLineTest {

    @Test
    void shouldOrderByArrivalEvenWhenEventsComeLate() {
        WaitingLine line = WaitingLine.empty();
        line.join("A2", 2_000);
        line.join("A1", 1_000);
        line.join("A3", 3_000);
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.oldestSince()).hasValue(1_000);
        assertThat(line.longestWaitMillis(61_000)).isEqualTo(60_000);
    }

    @Test
    void shouldNotCountATicketTwice() {
        WaitingLine line = WaitingLine.empty();
        line.join("A1", 1_000);
        line.join("A1", 5_000);
        assertThat(line.size()).isEqualTo(1);
        assertThat(line.oldestSince()).hasValue(5_000);
    }

    @Test
    void shouldReportNoWaitWhenEmpty() {
        WaitingLine line = WaitingLine.fromState(WaitingLine.empty().toState());
        line.join("A1", 1_000);
        assertThat(line.leave("A1")).isTrue();
        assertThat(line.leave("A1")).isFalse();
        assertThat(line.longestWaitMillis(10_000)).isZero();
        assertThat(line.oldestSince()).isEmpty();
    }
}
