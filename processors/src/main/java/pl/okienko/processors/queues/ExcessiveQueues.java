package pl.okienko.processors.queues;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.QueueExcessiveDetails;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.RuleTime;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.schemas.Rule;

/**
 * Q2 for every queue: raises QUEUE_EXCESSIVE when a line passes the policy's count or longest-wait limit, clears
 * it with hysteresis ({@link ExcessiveQueueRule}), and keeps each quiet line's one deadline, the instant its
 * longest wait passes the limit, since that is the one change no event announces.
 */
final class ExcessiveQueues {

    /** Prefix of a line's item in the queue deadlines, before the queueId. */
    static final String ITEM = "Q2|";

    /** Alarms kept decoded: one per queue of the offices of one instance. */
    private static final int CACHED_ALARMS = 16_384;

    /** Kept decoded (absent, mostly): every line change asks whether its queue's alarm is raised. */
    private final StateCache<QueueAlarmState, QueueAlarmState> alarms;
    private final DeadlineTimers timers;
    private final BiFunction<String, String, EffectivePolicy> policy;
    private final Consumer<Alert> emit;

    /**
     * @param policy the effective policy of an office's queue
     * @param emit publishes an alert step
     */
    ExcessiveQueues(KeyValueStore<String, QueueAlarmState> alarms, EventWrites writes, DeadlineTimers timers,
            BiFunction<String, String, EffectivePolicy> policy, Consumer<Alert> emit) {
        this.alarms = StateCache.of(alarms, CACHED_ALARMS, writes);
        this.timers = timers;
        this.policy = policy;
        this.emit = emit;
    }

    /**
     * Judges the line at the office's time. A raise by the longest wait is stamped, in a replay, at the instant
     * the wait passed the limit; a raise by the count and a clear follow an event and are stamped at the
     * office's time.
     */
    void check(String officeId, String queueId, WaitingLine line, RuleTime time) {
        String alarmKey = Keys.of(officeId, queueId);
        QueueAlarmState active = alarms.get(alarmKey);
        EffectivePolicy limits = policy.apply(officeId, queueId);
        long now = time.now();
        Duration longest = Duration.ofMillis(line.longestWaitMillis(now));
        switch (ExcessiveQueueRule.evaluate(line.size(), longest, limits.queueWaitingLimit(),
                limits.queueLongestWait(), active != null)) {
            case RAISE -> {
                long at = longest.compareTo(limits.queueLongestWait()) > 0
                        ? time.stamp(ExcessiveQueueRule.longestWaitPassedAt(line.oldestSince().orElseThrow(),
                                limits.queueLongestWait()))
                        : now;
                QueueAlarmState raised = new QueueAlarmState(
                        AlertFactory.id(AlertType.QUEUE_EXCESSIVE, officeId, "queue", queueId, at), at);
                alarms.put(alarmKey, raised);
                emit(officeId, queueId, raised, AlertState.RAISED, line.size(),
                        Duration.ofMillis(line.longestWaitMillis(at)), limits, at);
            }
            case CLEAR -> {
                alarms.delete(alarmKey);
                emit(officeId, queueId, active, AlertState.CLEARED, line.size(), longest, limits, now);
            }
            case NONE -> {
            }
        }
        arm(officeId, queueId, line, alarms.get(alarmKey) != null, limits);
    }

    /** Arms a line stored before its deadline existed (one pass after a start). */
    void arm(String officeId, String queueId, WaitingLine line) {
        arm(officeId, queueId, line, alarms.get(Keys.of(officeId, queueId)) != null, policy.apply(officeId, queueId));
    }

    /** Q2's one time-driven change: a quiet line's longest wait passes the limit. Nothing else moves without events. */
    private void arm(String officeId, String queueId, WaitingLine line, boolean active, EffectivePolicy limits) {
        Long due = active || line.oldestSince().isEmpty() ? null
                : ExcessiveQueueRule.longestWaitPassedAt(line.oldestSince().getAsLong(), limits.queueLongestWait());
        timers.set(officeId, ITEM + queueId, due);
    }

    private void emit(String officeId, String queueId, QueueAlarmState alarm, AlertState state, int waiting,
            Duration longest, EffectivePolicy limits, long now) {
        String message = state == AlertState.RAISED
                ? "Queue " + queueId + " is excessive: " + waiting + " waiting, longest wait "
                        + longest.toMinutes() + " min"
                : "Queue " + queueId + " is back to normal: " + waiting + " waiting, longest wait "
                        + longest.toMinutes() + " min";
        emit.accept(AlertFactory.step(alarm.getAlertId(), AlertType.QUEUE_EXCESSIVE, Rule.Q2, state, officeId,
                "queue", queueId, alarm.getRaisedAt(), now, message, new QueueExcessiveDetails(queueId, waiting,
                        longest.toSeconds(), limits.queueWaitingLimit(), limits.queueLongestWait().toSeconds())));
    }
}
