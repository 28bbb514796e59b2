package pl.okienko.dashboard.priority;

import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.DayParameter;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.QueueViews;

/**
 * Priority service and service quality (P1, P2, Q3, Q4, Q5):
 * {@code GET /api/v1/offices/{officeId}/priority} — the priority clients waiting now and today's
 * fulfilment, call order, outcomes and pauses; {@code ?date=YYYY-MM-DD} — any past day's.
 */
@RestController
public class PriorityController {

    private final QueueViews views;
    private final OfficeAccess access;

    public PriorityController(QueueViews views, OfficeAccess access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/v1/offices/{officeId}/priority")
    public OfficePriorityView priority(@PathVariable String officeId, @RequestParam(required = false) String date,
            Authentication authentication) {
        access.check(authentication, officeId);
        if (date == null || date.isBlank()) {
            return views.priority(officeId, Instant.now()).orElseThrow(() -> new UnknownOfficeException(officeId));
        }
        return views.priorityDay(officeId, DayParameter.parse(date))
                .orElseThrow(() -> new UnknownOfficeException(officeId));
    }
}
