package pl.okienko.processors.queues;

import java.util.Map;

import pl.okienko.processors.stats.DurationStats;

/**
 * One queue's, department's or office's service quality for one office-local day, beside the
 * wait and service times: priority fulfilment (P1, P2), call order (Q3), visit outcomes (Q4) and
 * pauses (Q5). Rates are null when there is nothing to divide by.
 */
public record ServiceDayView(String id, String name, String departmentId, Priority priority, CallOrder callOrder,
        Outcomes outcomes, Pauses pauses) {

    /**
     * P1, P2 for priority tickets whose wait ended that day.
     *
     * @param byCategory priority tickets by category, declined ones included
     * @param eligible tickets that did not decline, served, or left after a bypass or past the target
     * @param fulfilled eligible tickets served within the target with no bypass
     * @param fulfilmentRate fulfilled ÷ eligible
     * @param waitTime wait of eligible tickets served
     * @param leftWaiting eligible tickets that left (cancelled) after a bypass or past the target
     * @param sameVisitResolutionByCategory share of priority services ended RESOLVED, by category (P2)
     */
    public record Priority(Map<String, Long> byCategory, long offered, long accepted, long declined, long eligible,
            long fulfilled, Double fulfilmentRate, DurationStats waitTime, long ticketsWithBypasses, long bypasses,
            long leftWaiting, Map<String, Long> servedByCategory, Map<String, Double> sameVisitResolutionByCategory) {
    }

    /** Q3: first calls of regular tickets, and those made while an earlier regular ticket still waited. */
    public record CallOrder(long regularCalls, long outOfOrderCalls, Double outOfOrderRate) {
    }

    /**
     * Q4: services ended by outcome, and transfers out of the queue per service ended.
     */
    public record Outcomes(long ended, long resolved, long followUp, long redirected, Double resolvedRate,
            Double followUpRate, Double redirectedRate, long transfers, Double transfersPerVisit) {
    }

    /** Q5: pauses ended that day, those with an announced length, and those that ran longer. */
    public record Pauses(long pauses, long announced, long overrun, Double overrunShare) {
    }
}
