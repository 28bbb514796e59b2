package pl.okienko.processors.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A period of office-local days, {@code from} to {@code to} inclusive, of at most {@value #MAX_DAYS} days: what the
 * period views of every rule (Q1…S1) are asked for ({@code ?from=&to=}); a day view is the period of one day. Cut
 * into rows by day, ISO week or month ({@link #buckets(Granularity)}), each clipped to the period.
 */
public record Period(LocalDate from, LocalDate to) {

    /** A leap year's days: a calendar year, whichever year it is. */
    public static final int MAX_DAYS = 366;

    /**
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the period holds more than
     *     {@value #MAX_DAYS} days; the message says which
     */
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "a period holds at most " + MAX_DAYS + " days; " + from + " to " + to + " holds " + days);
        }
    }

    /** The period of one day. */
    public static Period day(LocalDate date) {
        return new Period(date, date);
    }

    /** How many days it holds, both ends included. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Every day of the period, in order. */
    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** The period cut into the days, ISO weeks or months it touches, the first and last clipped to the period. */
    public List<Period> buckets(Granularity granularity) {
        List<Period> buckets = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = granularity.lastDay(start);
            buckets.add(new Period(start, end.isAfter(to) ? to : end));
            start = end.plusDays(1);
        }
        return buckets;
    }
}
