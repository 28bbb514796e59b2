package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.queues.state.RecentCall;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.schemas.EventContract;
import pl.okienko.schemas.serde.AvroSerde;

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

    @Test
    void shouldRefuseAClientBeyondTheMostALineHoldsButStillMoveOneAlreadyInIt() {
        WaitingLine line = WaitingLine.empty();
        for (int i = 0; i < WaitingLine.MAX_WAITING; i++) {
            line.join("T" + i, i);
        }

        assertThatThrownBy(() -> line.join("ONE-MORE", 5_000_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds 1000 waiting clients");
        line.join("T0", 5_000_000);

        assertThat(line.size()).isEqualTo(1_000);
        assertThat(line.oldestSince()).hasValue(1);
    }

    @Test
    void shouldForgetTheOldestRecentCallsBeyondTheMostALineRemembers() {
        WaitingLine line = WaitingLine.empty();
        long grace = Long.MAX_VALUE / 4;
        for (int i = 0; i < WaitingLine.MAX_RECENT_CALLS + 5; i++) {
            line.rememberCall(new RecentCall("T" + i, 0L, 1_000L + i, true, false, false), grace);
        }

        assertThat(line.callsAfter(0)).hasSize(1_000);
        assertThat(line.callsAfter(0)).extracting(RecentCall::getTicketId).doesNotContain("T0", "T4").contains("T5");
    }

    @Test
    void shouldStayStorableWhenFullOfTheLongestIds() {
        WaitingLine line = WaitingLine.empty();
        // three UTF-8 bytes per character: the longest an id of MAX_ID_CHARS characters can encode to
        String longest = "\u20ac".repeat(EventContract.MAX_ID_CHARS - 6);
        for (int i = 0; i < WaitingLine.MAX_WAITING; i++) {
            line.join(longest + String.format("%06d", i), Long.MAX_VALUE - i);
        }
        for (int i = 0; i < WaitingLine.MAX_RECENT_CALLS; i++) {
            line.rememberCall(new RecentCall(longest + String.format("%06d", i), Long.MIN_VALUE, Long.MAX_VALUE - i,
                    true, true, true), Long.MAX_VALUE);
        }

        byte[] stored = AvroSerde.of(WaitingLineState.class).serializer().serialize("lines", line.toState());

        assertThat(stored.length).isLessThanOrEqualTo(AvroSerde.MAX_RECORD_BYTES);
    }
}
