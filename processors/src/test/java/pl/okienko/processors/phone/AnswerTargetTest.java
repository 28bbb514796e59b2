package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.policy.EffectivePolicy;

class AnswerTargetTest {

    private static final EffectivePolicy DEFAULTS = EffectivePolicy.DEFAULTS;

    @Test
    void shouldCountAnAnswerByTheThirdRingAsWithinTarget() {
        assertThat(AnswerTarget.withinTarget(3, 40_000, DEFAULTS)).isTrue();
        assertThat(AnswerTarget.withinTarget(4, 1_000, DEFAULTS)).isFalse();
    }

    @Test
    void shouldUseTheAnswerDelayWhenRingsAreNotReported() {
        assertThat(AnswerTarget.withinTarget(null, 15_000, DEFAULTS)).isTrue();
        assertThat(AnswerTarget.withinTarget(null, 15_001, DEFAULTS)).isFalse();
    }

    @Test
    void shouldTakeANegativeDelayFromSkewedClocksAsZero() {
        assertThat(AnswerTarget.withinTarget(null, -5_000, DEFAULTS)).isTrue();
    }

    @Test
    void shouldFollowThePolicysLimits() {
        EffectivePolicy strict = new EffectivePolicy(15, Duration.ofMinutes(20), Duration.ofMinutes(5), 2,
                Duration.ofSeconds(8), Duration.ofMinutes(120), Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 2, Duration.ofMinutes(30));

        assertThat(AnswerTarget.withinTarget(3, 1_000, strict)).isFalse();
        assertThat(AnswerTarget.withinTarget(null, 9_000, strict)).isFalse();
        assertThat(AnswerTarget.withinTarget(null, 8_000, strict)).isTrue();
    }
}
