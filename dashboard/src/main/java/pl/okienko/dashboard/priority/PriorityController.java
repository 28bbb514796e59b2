package pl.okienko.dashboard.priority;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.QueueViews;

/**
 * Priority service and service quality (P1, P2, Q3, Q4, Q5):
 * {@code GET /api/v1/offices/{officeId}/priority} — the priority clients waiting now and today's
 * fulfilment, call order, outcomes and pauses; {@code ?date=YYYY-MM-DD} — any past day's.
 */
@RestController
public record PriorityController(QueueViews views) {

    @GetMapping("/api/v1/offices/{officeId}/priority")
    public OfficePriorityView priority(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date) {
        return (date == null ? views.priority(officeId, Instant.now()) : views.priorityDay(officeId, date))
                .orElseThrow(() -> new UnknownOfficeException(officeId));
    }
}
