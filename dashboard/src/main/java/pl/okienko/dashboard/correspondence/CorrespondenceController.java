package pl.okienko.dashboard.correspondence;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
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
    public Object email(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date,
            @RequestParam(required = false) @Day LocalDate from, @RequestParam(required = false) @Day LocalDate to,
            @RequestParam(required = false) String granularity) {
        return LiveOrDay.view(officeId, DaysAsked.of(date, from, to, granularity), "e-mail events", views::email,
                views::emailDay, views::emailPeriod);
    }

    @GetMapping("/api/v1/offices/{officeId}/complaints")
    public Object complaints(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date,
            @RequestParam(required = false) @Day LocalDate from, @RequestParam(required = false) @Day LocalDate to,
            @RequestParam(required = false) String granularity) {
        return LiveOrDay.view(officeId, DaysAsked.of(date, from, to, granularity), "complaint events",
                views::complaints, views::complaintsDay, views::complaintsPeriod);
    }
}
