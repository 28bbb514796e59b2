package pl.okienko.dashboard.correspondence;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.correspondence.OfficeComplaintsView;
import pl.okienko.processors.correspondence.OfficeEmailView;

/**
 * E-mail (E1, E2) and complaints (C1, E3) of an office: {@code GET /api/v1/offices/{officeId}/email}
 * and {@code .../complaints}, live (today's figures and every open item, overdue first) or with
 * {@code date=YYYY-MM-DD} (the office's local date: the items that came in that day, as they stand
 * now). Same office scope as the other read APIs.
 */
@RestController
public record CorrespondenceController(CorrespondenceViews views) {

    @GetMapping("/api/v1/offices/{officeId}/email")
    public OfficeEmailView email(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date) {
        return LiveOrDay.view(officeId, date, "e-mail events", views::email, views::emailDay);
    }

    @GetMapping("/api/v1/offices/{officeId}/complaints")
    public OfficeComplaintsView complaints(@PathVariable String officeId,
            @RequestParam(required = false) @Day LocalDate date) {
        return LiveOrDay.view(officeId, date, "complaint events", views::complaints,
                views::complaintsDay);
    }
}
