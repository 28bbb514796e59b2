package pl.okienko.dashboard.priority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.processors.queues.ServiceDayView;

/**
 * Priority and order of service in the day report (P1, P2, Q3, Q4, Q5): variable {@code priorityDay}
 * (per queue and office: priority tickets, fulfilment, bypasses, out-of-order calls, outcomes,
 * pauses), when the day has any of them.
 */
@Component
public class PriorityDaySection implements DayReportSection {

    private final QueueViews views;

    public PriorityDaySection(QueueViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables) {
        views.priorityDay(officeId, date).filter(view -> hasData(view.office()))
                .ifPresent(view -> variables.put("priorityDay", view));
    }

    static boolean hasData(ServiceDayView day) {
        return !day.priority().byCategory().isEmpty() || day.priority().offered() > 0
                || day.callOrder().regularCalls() > 0 || day.outcomes().ended() > 0 || day.outcomes().transfers() > 0
                || day.pauses().pauses() > 0;
    }
}
