package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PriorityRulesTest {

    private static final Duration TARGET = Duration.ofMinutes(5);

    @Test
    void shouldPassTheTargetOneMillisecondAfterIt() {
        long since = 7_000;
        long passed = PriorityRules.targetPassedAt(since, TARGET);
        assertThat(passed).isEqualTo(since + 300_001);
        assertThat(PriorityRules.fulfilled(passed - 1 - since, 0, TARGET)).as("exactly the target is kept").isTrue();
        assertThat(PriorityRules.fulfilled(passed - since, 0, TARGET)).isFalse();
    }
}
