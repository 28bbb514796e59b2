package pl.okienko.processors.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.deadlines.CalendarOffices;
import pl.okienko.processors.deadlines.OfficeCalendar;

class ComplaintDeadlineTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final OfficeCalendar CALENDAR = OfficeCalendar.of(null);

    private static long warsaw(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WARSAW).toInstant().toEpochMilli();
    }

    /** The last millisecond of a Warsaw day. */
    private static long endOf(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(WARSAW).toInstant().toEpochMilli() - 1;
    }

    private static ComplaintDeadline registered(String localDateTime) {
        ComplaintDeadline item = ComplaintDeadline.fresh("c-1");
        item.registered("COMPLAINT", "SKW.1510.1.2026", "WSO", warsaw(localDateTime), null, CALENDAR);
        return item;
    }

    @ParameterizedTest(name = "registered {0} → due end of {1}")
    @CsvSource({
            // art. 57 §3: no 31 February, so the month ends on its last day (a Friday in 2025)
            "2025-01-31T10:00, 2025-02-28",
            // a leap year: 29 February
            "2024-01-31T10:00, 2024-02-29",
            // 28 February 2026 is a Saturday: art. 57 §4 moves it to Monday 2 March
            "2026-01-31T10:00, 2026-03-02",
            // 6 April 2026 is Easter Monday
            "2026-03-06T09:00, 2026-04-07",
            // 4 April 2026 Saturday, 5 Easter Sunday, 6 Easter Monday
            "2026-03-04T09:00, 2026-04-07",
            // 4 June 2026 is Corpus Christi (Easter + 60 days)
            "2026-05-04T09:00, 2026-06-05",
            // 11 November (Independence Day) 2026 is a Wednesday
            "2026-10-11T09:00, 2026-11-12",
            // Christmas Eve is a holiday from 2025: 24, 25, 26 December, then Sunday 27
            "2026-11-24T09:00, 2026-12-28",
            // registered late in the evening: the local date counts, not UTC's
            "2026-03-31T23:30, 2026-04-30"})
    void shouldDefaultToOneMonthUnderKpaArticle57(String registeredAt, String dueDay) {
        assertThat(registered(registeredAt).dueAt()).isEqualTo(endOf(dueDay));
    }

    @Test
    void shouldMoveTheDeadlinePastTheOfficesOwnDayOffAndTheHolidayAfterIt() {
        OfficeCalendar withDayOff = OfficeCalendar.of(CalendarOffices.withDaysOff("UM", "2026-11-10"));

        // 10 October + 1 month = Tuesday 10 November, the office's day off; 11 November a holiday: Thursday 12
        assertThat(ComplaintDeadline.defaultDue(withDayOff, warsaw("2026-10-10T09:00"))).isEqualTo(endOf("2026-11-12"));
        assertThat(ComplaintDeadline.defaultDue(CALENDAR, warsaw("2026-10-10T09:00"))).isEqualTo(endOf("2026-11-10"));
    }

    @Test
    void shouldMoveTheDeadlinePastWeekendsButNotHolidaysInAnOfficeThatKeepsNone() {
        OfficeCalendar roundTheClock = OfficeCalendar.of(CalendarOffices.roundTheClock("CPR"));

        // 11 November 2026 (Wednesday) is no day off there
        assertThat(ComplaintDeadline.defaultDue(roundTheClock, warsaw("2026-10-11T09:00"))).isEqualTo(endOf("2026-11-11"));
        // 24 December 2026 (Thursday) neither; Saturday 26 December moves to Monday 28 (art. 57 §4)
        assertThat(ComplaintDeadline.defaultDue(roundTheClock, warsaw("2026-11-24T09:00"))).isEqualTo(endOf("2026-12-24"));
        assertThat(ComplaintDeadline.defaultDue(roundTheClock, warsaw("2026-11-26T09:00"))).isEqualTo(endOf("2026-12-28"));
    }

    @Test
    void shouldUseTheDateTheRegisterGives() {
        ComplaintDeadline item = ComplaintDeadline.fresh("c-1");
        long given = warsaw("2026-02-14T12:00");
        item.registered("REQUEST", "1", null, warsaw("2026-02-02T10:00"), given, CALENDAR);

        assertThat(item.dueAt()).isEqualTo(given);
        assertThat(item.counts()).isEqualTo(new ComplaintDeadline.Counts(1, 0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldMoveTheDeadlineOnANotifiedExtensionOnly() {
        ComplaintDeadline item = registered("2026-02-02T10:00");
        long original = item.dueAt();
        long newDate = warsaw("2026-03-31T12:00");

        item.extended(warsaw("2026-02-20T10:00"), warsaw("2026-03-20T12:00"), false);
        assertThat(item.dueAt()).isEqualTo(original);
        item.extended(warsaw("2026-02-25T10:00"), newDate, true);
        assertThat(item.dueAt()).isEqualTo(newDate);

        item.answered(newDate);
        assertThat(item.counts()).isEqualTo(new ComplaintDeadline.Counts(1, 1, 0, 1, 0, 1, 1, 1));
    }

    @Test
    void shouldCountAnAnswerLateWhenTheExtensionCameAfterTheDeadlineHadPassed() {
        ComplaintDeadline item = registered("2026-02-02T10:00");
        long newDate = warsaw("2026-03-31T12:00");

        item.extended(item.dueAt() + 1, newDate, true);
        assertThat(item.dueAt()).isEqualTo(newDate);
        assertThat(item.overdue(newDate - 1)).isFalse();
        item.answered(newDate - 1);

        assertThat(item.counts().answeredLate()).isEqualTo(1);
    }

    @Test
    void shouldApplyAnExtensionThatArrivedBeforeTheRegistration() {
        ComplaintDeadline item = ComplaintDeadline.fresh("c-1");
        long newDate = warsaw("2026-04-15T12:00");
        item.extended(warsaw("2026-02-20T10:00"), newDate, true);

        item.registered("COMPLAINT", "7", null, warsaw("2026-02-02T10:00"), null, CALENDAR);

        assertThat(item.dueAt()).isEqualTo(newDate);
        assertThat(item.state().getOriginalDueAt()).isEqualTo(endOf("2026-03-02"));
    }

    @Test
    void shouldWarnFromTheStartOfTheFifthDayBeforeTheDueDay() {
        // due end of Friday 28 February 2025: the warning starts at 00:00 on Sunday 23 February
        ComplaintDeadline item = registered("2025-01-31T10:00");
        long soon = warsaw("2025-02-23T00:00");

        assertThat(item.dueSoonAt(WARSAW, 5)).isEqualTo(soon);
        assertThat(item.dueSoon(soon - 1, WARSAW, 5)).isFalse();
        assertThat(item.dueSoon(soon, WARSAW, 5)).isTrue();
        assertThat(item.dueSoon(item.dueAt() + 1, WARSAW, 5)).as("overdue, no longer due soon").isFalse();
        assertThat(Instant.ofEpochMilli(item.dueAt()).atZone(WARSAW).toLocalTime().toString()).isEqualTo("23:59:59.999");
    }
}
