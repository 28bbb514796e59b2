package pl.okienko.dashboard.analytics;

import java.time.LocalDate;

/**
 * One office, or the total of the offices compared, over one period (issue 15): each rule's figure, each named by
 * its rule ID. Rates are fractions (0.8333), durations seconds; null where there is nothing to divide by. The
 * targets they are judged against are the comparison's {@link Comparison#targets()}.
 *
 * @param officeId the office, or {@link Comparison#TOTAL} for the total row
 * @param period the row's period: {@code from..to} for the whole period, else its day, ISO week or month
 * @param q1Waits tickets called (Q1)
 * @param q1WaitMeanSeconds mean wait (Q1)
 * @param q1WaitP90Seconds p90 wait (Q1), from the merged sketches (within 1%)
 * @param q2Alerts QUEUE_EXCESSIVE alerts raised in the period (Q2), as the alert history holds them
 * @param p1Eligible priority clients whose wait ended (P1)
 * @param p1FulfilmentRate fulfilled ÷ eligible (P1)
 * @param t1Offered calls offered (T1)
 * @param t1WithinTargetRate answered within target ÷ offered (T1)
 * @param t2AbandonedRate abandoned ÷ offered (T2)
 * @param e1Decided e-mails received whose reply clock is decided (E1)
 * @param e1WithinTargetRate first response within 24 h (or the policy's time) ÷ decided (E1)
 * @param c1Overdue register items open past their deadline now, of those registered in the period (C1)
 * @param i1Incidents incidents (I1)
 * @param s1Responses survey responses (S1): the n of the index
 * @param s1Index satisfaction index 0–100 (S1)
 */
public record ComparisonRow(String officeId, String officeName, String period, LocalDate from, LocalDate to,
        long q1Waits, Double q1WaitMeanSeconds, Double q1WaitP90Seconds, long q2Alerts, long p1Eligible,
        Double p1FulfilmentRate, long t1Offered, Double t1WithinTargetRate, Double t2AbandonedRate, long e1Decided,
        Double e1WithinTargetRate, long c1Overdue, long i1Incidents, long s1Responses, Double s1Index) {
}
