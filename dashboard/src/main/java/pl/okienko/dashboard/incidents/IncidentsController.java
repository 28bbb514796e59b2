package pl.okienko.dashboard.incidents;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.processors.incidents.IncidentViews;

/**
 * The incident API (I1): {@code GET /api/v1/offices/{officeId}/incidents} (open incidents and
 * today's measures, or one day's with {@code ?date=}, or a period's with {@code ?from=&to=[&granularity=]},
 * {@link DaysAsked}).
 */
@RestController
public record IncidentsController(IncidentViews views) {

    @GetMapping("/api/v1/offices/{officeId}/incidents")
    public Object incidents(@PathVariable String officeId, DaysAsked asked) {
        if (asked.period() != null) {
            return views.period(officeId, asked.period(), asked.granularity());
        }
        return asked.date() == null ? views.live(officeId, Instant.now()) : views.day(officeId, asked.date());
    }
}
