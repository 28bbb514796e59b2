package pl.okienko.dashboard.platform.web;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;

/**
 * What a read API was asked for (every rule read per day, Q1…S1): live (nothing), one office-local day
 * ({@code ?date=}, a {@link Day}) or a period ({@code ?from=&to=}, both {@link Day}s, inclusive, at most
 * {@value Period#MAX_DAYS} days, with an optional {@code granularity=day|week|month} for rows). Anything else is a
 * 400 problem saying what is wrong.
 *
 * @param date the day asked for, or null
 * @param period the period asked for, or null
 * @param granularity the rows asked for within the period, or null
 */
public record DaysAsked(LocalDate date, Period period, Granularity granularity) {

    /** Checks the query parameters as the caller sent them (each already a valid {@link Day} or absent). */
    public static DaysAsked of(LocalDate date, LocalDate from, LocalDate to, String granularity) {
        if (date != null && (from != null || to != null)) {
            throw bad("give either date or from and to, not both");
        }
        if (from == null != (to == null)) {
            throw bad((from == null ? "from" : "to") + " is missing: a period needs both from and to");
        }
        boolean rows = granularity != null && !granularity.isBlank();
        if (rows && from == null) {
            throw bad("granularity needs a period: give from and to");
        }
        try {
            return new DaysAsked(date, from == null ? null : new Period(from, to),
                    rows ? Granularity.parse(granularity) : null);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
