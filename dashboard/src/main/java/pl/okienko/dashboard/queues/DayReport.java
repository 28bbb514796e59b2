package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;

/**
 * The variables of an office's day report (every rule measured per day: Q1, P1, P2, Q3–Q5, T1–T4,
 * I2, E1–E3, C1, I1), one {@link DayReportSection} per concern, plus {@link #EMPTY} when none of them
 * has data that day. Unlike the live panel, a section whose views cannot be read now is not left
 * out: the exception reaches {@link PageModelAdvice}, so the page says the views are starting
 * instead of passing off a partial report as the whole day.
 */
@Component
public class DayReport {

    /** True when no section has data that day. */
    public static final String EMPTY = "dayEmpty";

    private final List<DayReportSection> sections;

    public DayReport(List<DayReportSection> sections) {
        this.sections = List.copyOf(sections);
    }

    @Autowired
    public DayReport(ObjectProvider<DayReportSection> sections) {
        this(sections.orderedStream().toList());
    }

    /** Every section's variables for {@code officeId} on {@code date}, read at {@code now}. */
    public Map<String, Object> variables(String officeId, LocalDate date, Instant now) {
        Map<String, Object> variables = new HashMap<>();
        for (DayReportSection section : sections) {
            section.addTo(officeId, date, now, variables);
        }
        variables.put(EMPTY, variables.isEmpty());
        return variables;
    }
}
