package pl.okienko.dashboard.phone;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.PhoneViews;

/**
 * The telephone views (T1–T4, I2): {@code GET /api/v1/offices/{officeId}/phone} (today so far and
 * what rings now, {@code ?date=YYYY-MM-DD} for any past office-local day, or {@code ?from=&to=[&granularity=]}
 * for a period, {@link DaysAsked}) and
 * {@code GET /api/v1/offices/{officeId}/callbacks?state=open|overdue|all} (live, or {@code &date=}
 * for the obligations due that day). Durations in seconds; no response holds a phone number.
 * Same office scope as the queue views.
 */
@RestController
public record PhoneController(PhoneViews views) {

    private static final String EVENTS = "phone events";

    @GetMapping("/api/v1/offices/{officeId}/phone")
    public Object phone(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, EVENTS, views::live, views::day, views::period);
    }

    @GetMapping("/api/v1/offices/{officeId}/callbacks")
    public CallbacksView callbacks(@PathVariable String officeId, @RequestParam(required = false) String state,
            @RequestParam(required = false) @Day LocalDate date) {
        String filter = state == null || state.isBlank() ? "open" : state.strip();
        if (!PhoneViews.STATES.contains(filter)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "state '" + state + "' is not one of open, overdue, all");
        }
        return views.callbacks(officeId, date, filter, Instant.now())
                .orElseThrow(() -> new UnknownOfficeException(officeId, EVENTS));
    }
}
