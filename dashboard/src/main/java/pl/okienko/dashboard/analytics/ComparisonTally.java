package pl.okienko.dashboard.analytics;

import java.util.OptionalDouble;

import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.processors.surveys.Satisfaction;

/**
 * What a {@link ComparisonRow} is computed from, mergeable (issue 15): the wait sketch (Q1) and the numerators and
 * denominators of every rate (P1, T1, T2, E1), the counts (Q2, C1, I1) and the survey sums (S1). The total row of a
 * comparison is the merge of its offices' tallies, never an average of their rows.
 */
final class ComparisonTally {

    final DurationSketch waits = new DurationSketch();
    long q2Alerts;
    long p1Fulfilled;
    long p1Eligible;
    long t1Offered;
    long t1Within;
    long t2Abandoned;
    long e1Met;
    long e1Decided;
    long c1Overdue;
    long i1Incidents;
    Satisfaction s1 = Satisfaction.NONE;

    void priority(ServiceDayView.Priority p) {
        p1Fulfilled += p.fulfilled();
        p1Eligible += p.eligible();
    }

    void phone(PhoneStats s) {
        t1Offered += s.offered();
        t1Within += s.answeredWithinTarget();
        t2Abandoned += s.abandoned();
    }

    void email(EmailFigures f) {
        long met = f.repliedWithinTarget() + f.holdingWithinTarget();
        e1Met += met;
        e1Decided += met + f.respondedLate() + f.awaitingPastTarget();
    }

    ComparisonTally merge(ComparisonTally other) {
        waits.merge(other.waits);
        q2Alerts += other.q2Alerts;
        p1Fulfilled += other.p1Fulfilled;
        p1Eligible += other.p1Eligible;
        t1Offered += other.t1Offered;
        t1Within += other.t1Within;
        t2Abandoned += other.t2Abandoned;
        e1Met += other.e1Met;
        e1Decided += other.e1Decided;
        c1Overdue += other.c1Overdue;
        i1Incidents += other.i1Incidents;
        s1 = s1.plus(other.s1);
        return this;
    }

    ComparisonRow row(String officeId, String officeName, String label, Period period) {
        DurationStats wait = waits.toStats();
        OptionalDouble index = s1.index();
        return new ComparisonRow(officeId, officeName, label, period.from(), period.to(), wait.count(),
                wait.meanSeconds(), wait.p90Seconds(), q2Alerts, p1Eligible, rate(p1Fulfilled, p1Eligible), t1Offered,
                rate(t1Within, t1Offered), rate(t2Abandoned, t1Offered), e1Decided, rate(e1Met, e1Decided),
                c1Overdue, i1Incidents, s1.responses(), index.isPresent() ? index.getAsDouble() : null);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
