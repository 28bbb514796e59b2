package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class KafkaStreamsHealthIndicatorTest {

    @Test
    void onlyRunningIsUp() {
        assertThat(KafkaStreamsHealthIndicator.statusOf(State.RUNNING)).isEqualTo(Status.UP);
    }

    @Test
    void startingAndRebalancingAreOutOfService() {
        assertThat(KafkaStreamsHealthIndicator.statusOf(State.CREATED)).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(KafkaStreamsHealthIndicator.statusOf(State.REBALANCING)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void stoppedAndFailedAreDown() {
        for (State state : new State[] {State.PENDING_SHUTDOWN, State.NOT_RUNNING, State.PENDING_ERROR, State.ERROR}) {
            assertThat(KafkaStreamsHealthIndicator.statusOf(state)).isEqualTo(Status.DOWN);
        }
    }
}
