package pl.okienko.dashboard.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code ?date=YYYY-MM-DD} parameter of the views: an office-local day, or none for the live view. */
public final class DayParameter {

    /** The first day any event can belong to. */
    public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    /** The last day a four-digit year can write. */
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
        return parseDay(date);
    }

    /**
     * A day written YYYY-MM-DD, from {@link #FIRST} to {@link #LAST}: no event can lie outside them
     * (Kafka timestamps start at the Unix epoch), and day arithmetic stays far from overflow.
     *
     * @throws ResponseStatusException 400 saying what is expected
     */
    public static LocalDate parseDay(String date) {
        String text = date.strip();
        LocalDate day = null;
        if (DAY.matcher(text).matches()) {
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (day == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date " + shown(text)
                    + " is not a date: expected YYYY-MM-DD, e.g. 2026-11-21");
        }
        if (day.isBefore(FIRST) || day.isAfter(LAST)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date " + text + " is out of range: days from "
                    + FIRST + " to " + LAST + " can be shown");
        }
        return day;
    }

    private static String shown(String text) {
        return text.length() <= 32 ? "'" + text + "'" : "of " + text.length() + " characters";
    }
}
