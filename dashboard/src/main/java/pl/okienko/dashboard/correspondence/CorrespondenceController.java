package pl.okienko.dashboard.correspondence;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/**
 * E-mail (E1, E2) and complaints (C1, E3) of an office: {@code GET /api/v1/offices/{officeId}/email}
 * and {@code .../complaints}, live (today's figures and every open item, overdue first) or with
 * {@code date=YYYY-MM-DD} (the office's local date: the items that came in that day, as they stand
 * now), or with {@code from=&to=[&granularity=day|week|month]} a period's ({@link DaysAsked}). Same office scope
 * as the other read APIs.
 */
@RestController
public record CorrespondenceController(CorrespondenceViews views) {

    @GetMapping("/api/v1/offices/{officeId}/email")
    public Object email(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, "e-mail events", views::email, views::emailDay, views::emailPeriod);
    }

    @GetMapping("/api/v1/offices/{officeId}/complaints")
    public Object complaints(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, "complaint events", views::complaints, views::complaintsDay,
                views::complaintsPeriod);
    }
}
