package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One concern's part of an office's day report, the page {@code /offices/{officeId}/days/{date}}
 * (Q1, P1, P2, Q3–Q5, T1–T4, I2, E1–E3, C1, I1): it adds the variables its part of
 * {@code queues/day-report} reads, and only when the concern has data that day, so that a part
 * whose variable is missing is not shown and a day with no variable at all says so in one sentence.
 * Figures come from the concern's views as they are; the template only formats them.
 */
public interface DayReportSection {

    /**
     * Adds this section's template variables for {@code officeId} on the office-local {@code date};
     * {@code now} is the reading time for what still runs (open e-mails, callbacks due).
     */
    void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables);

    /**
     * The section of one variable: {@code reading}'s view of the day, put under {@code variable} when
     * {@code shown} holds for it (the day had data of this kind).
     */
    static <V> DayReportSection of(String variable, Reading<V> reading, Predicate<? super V> shown) {
        return (officeId, date, now, variables) -> reading.read(officeId, date, now).filter(shown)
                .ifPresent(view -> variables.put(variable, view));
    }

    /** A concern's view of one office-local day, empty for an unknown office. */
    @FunctionalInterface
    interface Reading<V> {

        Optional<V> read(String officeId, LocalDate date, Instant now);
    }
}
