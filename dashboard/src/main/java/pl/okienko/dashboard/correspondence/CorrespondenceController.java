package pl.okienko.dashboard.correspondence;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.DayParameter;
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
public class CorrespondenceController {

    private final CorrespondenceViews views;
    private final OfficeAccess access;

    public CorrespondenceController(CorrespondenceViews views, OfficeAccess access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/v1/offices/{officeId}/email")
    public OfficeEmailView email(@PathVariable String officeId, @RequestParam(required = false) String date,
            Authentication authentication) {
        access.check(authentication, officeId);
        Instant now = Instant.now();
        return (date == null || date.isBlank() ? views.email(officeId, now)
                : views.emailDay(officeId, DayParameter.parse(date), now)).orElseThrow(() -> unknownOffice(officeId));
    }

    @GetMapping("/api/v1/offices/{officeId}/complaints")
    public OfficeComplaintsView complaints(@PathVariable String officeId, @RequestParam(required = false) String date,
            Authentication authentication) {
        access.check(authentication, officeId);
        Instant now = Instant.now();
        return (date == null || date.isBlank() ? views.complaints(officeId, now)
                : views.complaintsDay(officeId, DayParameter.parse(date), now)).orElseThrow(() -> unknownOffice(officeId));
    }

    private static ResponseStatusException unknownOffice(String officeId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no office " + officeId + ": it is not in the directory and has sent no e-mail or complaint events");
    }
}
