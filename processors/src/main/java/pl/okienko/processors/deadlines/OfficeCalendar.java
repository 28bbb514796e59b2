package pl.okienko.processors.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;

/**
 * An office's working time: its time zone, business hours per weekday (from the directory;
 * Monday to Friday 08:00–16:00 when it lists none) and Polish public holidays. Used for
 * deadlines counted in business time (T3 callbacks) and for KPA deadlines (C1, E3).
 */
public final class OfficeCalendar {

    private static final LocalTime DEFAULT_OPENS = LocalTime.of(8, 0);
    private static final LocalTime DEFAULT_CLOSES = LocalTime.of(16, 0);
    /** No office is closed this long; a safety stop for a calendar with no working hours at all. */
    private static final int MAX_DAYS_AHEAD = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, LocalTime[]> hours;

    private OfficeCalendar(ZoneId zone, Map<DayOfWeek, LocalTime[]> hours) {
        this.zone = zone;
        this.hours = hours;
    }

    /** The calendar of an office; null (not in the directory) gives the defaults. */
    public static OfficeCalendar of(Office office) {
        Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
        if (office != null) {
            for (BusinessHours h : office.getBusinessHours()) {
                hours.put(DayOfWeek.of(h.getDayOfWeek()),
                        new LocalTime[] {LocalTime.parse(h.getOpens()), LocalTime.parse(h.getCloses())});
            }
        }
        if (hours.isEmpty()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    hours.put(day, new LocalTime[] {DEFAULT_OPENS, DEFAULT_CLOSES});
                }
            }
        }
        ZoneId zone = office == null ? OfficeInfo.DEFAULT_ZONE : OfficeInfo.of(office.getOfficeId(), office).zone();
        return new OfficeCalendar(zone, hours);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The office is open on this date: it has hours that weekday and it is not a public holiday. */
    public boolean isOpen(LocalDate date) {
        return hours.containsKey(date.getDayOfWeek()) && !PolishHolidays.isHoliday(date);
    }

    /**
     * KPA art. 57 §4: a deadline falling on a Saturday, a Sunday or a public holiday ends on the
     * next day that is none of these (regardless of the office's own hours).
     */
    public static LocalDate kpaWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || PolishHolidays.isHoliday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * KPA art. 57 §3 and §4: a period of months ends on the day of the last month that corresponds
     * to the starting day, or on the month's last day when there is none (31 January + 1 month =
     * end of February), moved to the next working day. Returns the end of that day in the office's zone.
     */
    public Instant kpaDeadline(Instant start, int months) {
        LocalDate end = kpaWorkingDayOnOrAfter(start.atZone(zone).toLocalDate().plusMonths(months));
        return end.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
    }

    /**
     * The instant {@code amount} of business time after {@code start}: only time within business
     * hours on open days counts (a call missed at 15:30 with two hours to call back is due at 09:30
     * the next working day if the office closes at 16:00 and opens at 08:00).
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Duration left = amount;
        ZonedDateTime cursor = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isOpen(date)) {
                LocalTime[] open = hours.get(date.getDayOfWeek());
                ZonedDateTime opens = date.atTime(open[0]).atZone(zone);
                ZonedDateTime closes = date.atTime(open[1]).atZone(zone);
                ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS_AHEAD + " days");
    }
}
