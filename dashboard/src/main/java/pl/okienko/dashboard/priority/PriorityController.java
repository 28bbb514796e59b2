package pl.okienko.dashboard.priority;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.processors.queues.QueueViews;

/**
 * Priority service and service quality (P1, P2, Q3, Q4, Q5):
 * {@code GET /api/v1/offices/{officeId}/priority} — the priority clients waiting now and today's
 * fulfilment, call order, outcomes and pauses; {@code ?date=YYYY-MM-DD} — any past day's;
 * {@code ?from=&to=[&granularity=day|week|month]} — a period's ({@link DaysAsked}).
 */
@RestController
public record PriorityController(QueueViews views) {

    @GetMapping("/api/v1/offices/{officeId}/priority")
    public Object priority(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, "events", views::priority,
                (id, day, now) -> views.priorityDay(id, day), (id, period, rows, now) -> views.priorityPeriod(id, period, rows));
    }
}
