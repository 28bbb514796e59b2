package pl.okienko.processors.queues;

import java.time.Duration;

/**
 * Rule Q2: a queue is excessive when its waiting count or its longest wait passes the threshold
 * of the office's policy; the alert clears only when both fall below 80% of their thresholds,
 * so a queue hovering at the threshold does not flap.
 */
public final class ExcessiveQueueRule {

    /** Share of the threshold both measures must fall below before the alert clears. */
    public static final double CLEAR_RATIO = 0.8;

    /** What the rule asks for. */
    public enum Transition { RAISE, CLEAR, NONE }

    private ExcessiveQueueRule() {
    }

    /**
     * @param waiting clients waiting now
     * @param longestWait longest current wait
     * @param waitingLimit Q2 waiting threshold
     * @param longestWaitLimit Q2 longest-wait threshold
     * @param active whether the alert is raised now
     */
    public static Transition evaluate(int waiting, Duration longestWait, int waitingLimit, Duration longestWaitLimit,
            boolean active) {
        if (!active) {
            boolean passed = waiting > waitingLimit || longestWait.compareTo(longestWaitLimit) > 0;
            return passed ? Transition.RAISE : Transition.NONE;
        }
        boolean calm = waiting < CLEAR_RATIO * waitingLimit
                && longestWait.toMillis() < CLEAR_RATIO * longestWaitLimit.toMillis();
        return calm ? Transition.CLEAR : Transition.NONE;
    }

    /**
     * The first instant at which the client waiting since {@code oldestSinceMillis} has waited longer than
     * {@code longestWaitLimit}: the event-time instant a replay stamps a QUEUE_EXCESSIVE raised by the wait.
     */
    public static long longestWaitPassedAt(long oldestSinceMillis, Duration longestWaitLimit) {
        return oldestSinceMillis + longestWaitLimit.toMillis() + 1;
    }
}
