package pl.okienko.dashboard.incidents;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * The incident API (I1): {@code GET /api/v1/offices/{officeId}/incidents} (open incidents and
 * today's measures, or one day's with {@code ?date=}).
 */
@RestController
public record IncidentsController(IncidentViews views) {

    @GetMapping("/api/v1/offices/{officeId}/incidents")
    public OfficeIncidentsView incidents(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date) {
        return date == null ? views.live(officeId, Instant.now()) : views.day(officeId, date);
    }
}
