package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.processors.queues.ExcessiveQueueRule.Transition.CLEAR;
import static pl.okienko.processors.queues.ExcessiveQueueRule.Transition.NONE;
import static pl.okienko.processors.queues.ExcessiveQueueRule.Transition.RAISE;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExcessiveQueueRuleTest {

    private static final Duration TWENTY_MIN = Duration.ofMinutes(20);

    private static ExcessiveQueueRule.Transition eval(int waiting, int longestMinutes, boolean active) {
        return ExcessiveQueueRule.evaluate(waiting, Duration.ofMinutes(longestMinutes), 15, TWENTY_MIN, active);
    }

    @Test
    void shouldRaiseWhenWaitingCountPassesThreshold() {
        assertThat(eval(15, 1, false)).isEqualTo(NONE);
        assertThat(eval(16, 1, false)).isEqualTo(RAISE);
    }

    @Test
    void shouldRaiseWhenLongestWaitPassesThreshold() {
        assertThat(ExcessiveQueueRule.evaluate(1, TWENTY_MIN, 15, TWENTY_MIN, false)).isEqualTo(NONE);
        assertThat(ExcessiveQueueRule.evaluate(1, TWENTY_MIN.plusSeconds(1), 15, TWENTY_MIN, false)).isEqualTo(RAISE);
    }

    @Test
    void shouldStayRaisedUntilBothFallBelowEightyPercent() {
        // 80% of 15 is 12, 80% of 20 min is 16 min
        assertThat(eval(12, 1, true)).isEqualTo(NONE);
        assertThat(eval(11, 16, true)).isEqualTo(NONE);
        assertThat(eval(11, 15, true)).isEqualTo(CLEAR);
    }

    @Test
    void shouldNotRaiseTwice() {
        assertThat(eval(40, 40, true)).isEqualTo(NONE);
    }

    @Test
    void shouldPassTheLongestWaitLimitOneMillisecondAfterIt() {
        long since = 1_000_000;
        long passed = ExcessiveQueueRule.longestWaitPassedAt(since, TWENTY_MIN);
        assertThat(passed).isEqualTo(since + 1_200_001);
        assertThat(ExcessiveQueueRule.evaluate(1, Duration.ofMillis(passed - 1 - since), 15, TWENTY_MIN, false))
                .isEqualTo(NONE);
        assertThat(ExcessiveQueueRule.evaluate(1, Duration.ofMillis(passed - since), 15, TWENTY_MIN, false))
                .isEqualTo(RAISE);
    }
}
