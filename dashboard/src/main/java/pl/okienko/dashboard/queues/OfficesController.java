package pl.okienko.dashboard.queues;

import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.dashboard.platform.web.VisibleOffices;
import pl.okienko.processors.queues.OfficeDesksView;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.schemas.AvroJson;

/**
 * The office directory and the queue views (Q1, Q2): {@code GET /api/v1/offices} and
 * {@code GET /api/v1/offices/{officeId}/queues}, live or for a past day, and
 * {@code GET /api/v1/offices/{officeId}/desks}. A person sees only the
 * offices of their account; ADMIN sees all.
 */
@RestController
public record OfficesController(QueueViews views, VisibleOffices visibleOffices) {

    /** The directory entries the caller may see, in the directory's JSON form. */
    @GetMapping(value = "/api/v1/offices", produces = "application/json")
    public String offices(Authentication authentication) {
        return AvroJson.encodeArray(visibleOffices.inDirectoryOrder(authentication)).toString();
    }

    /** The office's desks now (issue 14): each serving, calling, paused, idle or closed, its ticket and since when. */
    @GetMapping("/api/v1/offices/{officeId}/desks")
    public OfficeDesksView desks(@PathVariable String officeId) {
        return views.desks(officeId, Instant.now()).orElseThrow(() -> new UnknownOfficeException(officeId));
    }

    /**
     * The live queues (no date), one day's statistics ({@code date=YYYY-MM-DD}, the office's local date) or a
     * period's ({@code from=&to=}, with {@code granularity=day|week|month} also per row).
     */
    @GetMapping("/api/v1/offices/{officeId}/queues")
    public Object queues(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, "events",
                (id, now) -> views.live(id, now).map(Object.class::cast),
                (id, day, now) -> views.day(id, day).map(Object.class::cast),
                (id, period, rows, now) -> views.dayPeriod(id, period, rows));
    }
}
