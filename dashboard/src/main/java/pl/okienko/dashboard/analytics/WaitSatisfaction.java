package pl.okienko.dashboard.analytics;

import java.util.List;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How a department's client satisfaction (S1) moves with its waits (Q1): Spearman's rank correlation of its weekly
 * mean wait and its weekly satisfaction index over the ISO weeks of a period that have both, with their number.
 * The coefficient is given only from {@value #MIN_WEEKS} weeks on: with fewer, chance alone makes large ones.
 * Ranks, ties included (average ranks), by Apache Commons Math.
 *
 * @param weeks the weeks that have both a wait and an answered survey
 * @param rho the coefficient, −1 to 1 (negative: longer waits, lower satisfaction); null with too few weeks, or
 *     when one of the series does not vary
 */
public record WaitSatisfaction(String officeId, String officeName, String departmentId, String departmentName,
        int weeks, Double rho) {

    static final int MIN_WEEKS = 8;

    /** One ISO week of a department (e.g. {@code 2026-W10}): its mean wait in seconds and its satisfaction index. */
    record Week(String week, double meanWaitSeconds, double index) {
    }

    static WaitSatisfaction of(String officeId, String officeName, String departmentId, String departmentName,
            List<Week> weeks) {
        Double rho = null;
        if (weeks.size() >= MIN_WEEKS) {
            double value = new SpearmansCorrelation().correlation(
                    weeks.stream().mapToDouble(Week::meanWaitSeconds).toArray(),
                    weeks.stream().mapToDouble(Week::index).toArray());
            rho = Double.isNaN(value) ? null : value;
        }
        return new WaitSatisfaction(officeId, officeName, departmentId, departmentName, weeks.size(), rho);
    }
}
