package pl.okienko.processors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.Policy;

class EffectivePolicyTest {

    @Test
    void shouldUseStandardDefaultsWithoutPolicies() {
        EffectivePolicy policy = EffectivePolicy.resolve(Arrays.asList(null, null));
        assertThat(policy.queueWaitingLimit()).isEqualTo(15);
        assertThat(policy.queueLongestWait()).isEqualTo(Duration.ofMinutes(20));
        assertThat(policy.priorityTargetWait()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldTakeEachFieldFromTheNarrowestScopeThatSetsIt() {
        Policy queue = Policy.newBuilder().setOfficeId("O").setQueueWaitingLimit(8).build();
        Policy office = Policy.newBuilder().setOfficeId("O").setQueueWaitingLimit(30)
                .setQueueLongestWaitMinutes(10).build();
        EffectivePolicy policy = EffectivePolicy.resolve(Arrays.asList(queue, null, office));
        assertThat(policy.queueWaitingLimit()).isEqualTo(8);
        assertThat(policy.queueLongestWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.phoneRingLimit()).isEqualTo(3);
    }
}
