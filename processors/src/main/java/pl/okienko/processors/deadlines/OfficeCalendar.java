package pl.okienko.processors.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;

/**
 * An office's working time: its time zone, business hours per weekday (from the directory;
 * Monday to Friday 08:00–16:00 when it lists none; {@code 24:00} closes at the end of the day),
 * the public holidays it keeps ({@link PublicHolidays}, Poland's by default) and its own days off.
 * Used for deadlines counted in business time (T3 callbacks) and for KPA deadlines (C1, E3).
 */
public final class OfficeCalendar {

    /** The closing time that means the end of the day (midnight of the next). */
    public static final String END_OF_DAY = "24:00";

    private static final LocalTime DEFAULT_OPENS = LocalTime.of(8, 0);
    private static final LocalTime DEFAULT_CLOSES = LocalTime.of(16, 0);
    /** No office is closed this long; a safety stop for a calendar with no working hours at all. */
    private static final int MAX_DAYS_AHEAD = 400;

    /** Opening hours of one weekday; {@code closes} null closes at the end of the day. */
    private record Hours(LocalTime opens, LocalTime closes) {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> hours;
    private final PublicHolidays holidays;
    private final Set<LocalDate> daysOff;

    private OfficeCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, PublicHolidays holidays, Set<LocalDate> daysOff) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.daysOff = daysOff;
    }

    /**
     * The calendar of an office; null (not in the directory) gives the defaults. Entries the
     * directory's validation would refuse (a record written straight to Kafka) are left out, and
     * an unknown holiday set gives Poland's.
     */
    public static OfficeCalendar of(Office office) {
        Map<DayOfWeek, Hours> hours = new EnumMap<>(DayOfWeek.class);
        Set<LocalDate> daysOff = new HashSet<>();
        PublicHolidays holidays = PublicHolidays.of(PublicHolidays.DEFAULT_CODE);
        if (office != null) {
            for (BusinessHours h : office.getBusinessHours()) {
                Hours parsed = parse(h);
                if (parsed != null) {
                    hours.put(DayOfWeek.of(h.getDayOfWeek()), parsed);
                }
            }
            holidays = PublicHolidays.ofOrDefault(office.getHolidays());
            for (String day : office.getDaysOff()) {
                try {
                    daysOff.add(LocalDate.parse(day));
                } catch (DateTimeParseException e) {
                    // refused by the directory's validation; nothing to skip
                }
            }
        }
        if (hours.isEmpty()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    hours.put(day, new Hours(DEFAULT_OPENS, DEFAULT_CLOSES));
                }
            }
        }
        ZoneId zone = office == null ? OfficeInfo.DEFAULT_ZONE : OfficeInfo.of(office.getOfficeId(), office).zone();
        return new OfficeCalendar(zone, hours, holidays, Set.copyOf(daysOff));
    }

    private static Hours parse(BusinessHours h) {
        try {
            if (h.getDayOfWeek() < 1 || h.getDayOfWeek() > 7) {
                return null;
            }
            LocalTime opens = LocalTime.parse(h.getOpens());
            LocalTime closes = END_OF_DAY.equals(h.getCloses()) ? null : LocalTime.parse(h.getCloses());
            return closes == null || opens.isBefore(closes) ? new Hours(opens, closes) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** A public holiday the office keeps or one of its own days off. */
    public boolean isDayOff(LocalDate date) {
        return daysOff.contains(date) || holidays.isHoliday(date);
    }

    /** The office is open on this date: it has hours that weekday and it is not a day off. */
    public boolean isOpen(LocalDate date) {
        return hours.containsKey(date.getDayOfWeek()) && !isDayOff(date);
    }

    /**
     * KPA art. 57 §4: a deadline falling on a Saturday, a Sunday or a day off ends on the next day
     * that is none of these, whatever the office's own hours. The days off are the public holidays
     * of the office's holiday set and its own days off, so an office that keeps none moves a
     * deadline past weekends only.
     */
    public LocalDate kpaWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || isDayOff(d)) {
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
     * the next working day if the office closes at 16:00 and opens at 08:00). An office open until
     * {@code 24:00} on consecutive days counts straight through midnight.
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Duration left = amount;
        ZonedDateTime cursor = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
            LocalDate date = cursor.toLocalDate();
            ZonedDateTime nextDay = date.plusDays(1).atStartOfDay(zone);
            if (isOpen(date)) {
                Hours open = hours.get(date.getDayOfWeek());
                ZonedDateTime opens = date.atTime(open.opens()).atZone(zone);
                ZonedDateTime closes = open.closes() == null ? nextDay : date.atTime(open.closes()).atZone(zone);
                ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = nextDay;
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS_AHEAD + " days");
    }
}
