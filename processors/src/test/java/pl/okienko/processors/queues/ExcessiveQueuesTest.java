package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.processors.InMemoryStores;
import pl.okienko.processors.alerts.AlertDetails;
import pl.okienko.processors.alerts.QueueExcessiveDetails;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.RuleTime;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.schemas.serde.AvroSerde;

class ExcessiveQueuesTest {

    private static final long MINUTE = 60_000;

    private final DeadlineTimers timers = new DeadlineTimers();
    private final List<Alert> alerts = new ArrayList<>();
    // the defaults: 15 waiting, 20 min longest wait
    private final ExcessiveQueues queues = new ExcessiveQueues(InMemoryStores.keyValue("alarms",
            AvroSerde.of(QueueAlarmState.class)), EventWrites.immediate(), timers, (officeId, queueId) -> EffectivePolicy.DEFAULTS, alerts::add);

    @Test
    void shouldArmAQuietLineAtTheInstantItsLongestWaitPassesTheLimit() {
        queues.check("O1", "A", line(0), new RuleTime(MINUTE, true));

        assertThat(alerts).isEmpty();
        // 20 min after the oldest joined, plus the 1 ms that makes the wait longer than the limit
        assertThat(timers.due(Long.MAX_VALUE)).containsExactly(new DeadlineIndex.Due(20 * MINUTE + 1, "O1", "Q2|A"));
    }

    @Test
    void shouldRaiseInAReplayAtTheInstantTheWaitPassedTheLimitAndDisarm() {
        queues.check("O1", "A", line(0), new RuleTime(25 * MINUTE, false));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
            assertThat(alert.getAt().toEpochMilli()).isEqualTo(20 * MINUTE + 1);
            assertThat(alert.getAlertId()).isEqualTo("QUEUE_EXCESSIVE:O1:queue:A:" + (20 * MINUTE + 1));
            assertThat(AlertDetails.of(alert)).isEqualTo(new QueueExcessiveDetails("A", 1, 1200L, 15, 1200L));
        });
        assertThat(timers.due(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldClearUnderEightyPercentOfTheLimitsAndKeepTheRaiseId() {
        queues.check("O1", "A", line(0), new RuleTime(25 * MINUTE, true));
        queues.check("O1", "A", WaitingLine.empty(), new RuleTime(26 * MINUTE, true));

        assertThat(alerts).extracting(Alert::getState).containsExactly(AlertState.RAISED, AlertState.CLEARED);
        assertThat(alerts.get(1).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
        assertThat(timers.due(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldArmALineStoredBeforeItsDeadlineExisted() {
        queues.arm("O1", "B", line(5 * MINUTE));

        assertThat(timers.due(Long.MAX_VALUE)).containsExactly(new DeadlineIndex.Due(25 * MINUTE + 1, "O1", "Q2|B"));
    }

    private static WaitingLine line(long since) {
        WaitingLine line = WaitingLine.empty();
        line.join("T1", since);
        return line;
    }
}
