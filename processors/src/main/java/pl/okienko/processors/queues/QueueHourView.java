package pl.okienko.processors.queues;

/**
 * One office-local hour of an office's queue day, a point of its day charts (Q1, P1).
 *
 * @param hour the hour of day ({@code 9} = 09:00–09:59)
 * @param arrivals tickets issued in the hour
 * @param served services ended in the hour, any outcome
 * @param waitingPeak the most clients waiting at once in the office during the hour
 * @param longestWaitSeconds the longest any client had waited at any moment of the hour (up to now for the
 *        current hour): the longest wait that ended in the hour, or that of the client still waiting at its end
 * @param priorityCalled priority clients (who did not decline) called in the hour
 * @param priorityLongestWaitSeconds the longest wait of those; null when none
 * @param priorityMeanWaitSeconds their mean wait; null when none
 */
public record QueueHourView(int hour, long arrivals, long served, int waitingPeak, long longestWaitSeconds,
        long priorityCalled, Long priorityLongestWaitSeconds, Double priorityMeanWaitSeconds) {
}
