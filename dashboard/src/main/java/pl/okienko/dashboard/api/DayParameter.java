package pl.okienko.dashboard.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code ?date=YYYY-MM-DD} parameter of the views: an office-local day, or none for the live view. */
public final class DayParameter {

    private DayParameter() {
    }

    /**
     * @return the day, or null when the parameter is absent or blank
     * @throws ResponseStatusException 400 saying what format is expected
     */
    public static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "date '" + date + "' is not a date: expected YYYY-MM-DD, e.g. 2026-11-21");
        }
    }
}
