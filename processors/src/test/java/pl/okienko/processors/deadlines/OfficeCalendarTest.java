package pl.okienko.processors.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;

class OfficeCalendarTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final OfficeCalendar DEFAULT = OfficeCalendar.of(null);

    private static Instant warsaw(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(WARSAW).toInstant();
    }

    /** The calendar of an office open only in {@code hours}, with Polish holidays. */
    private static OfficeCalendar openIn(BusinessHours... hours) {
        return OfficeCalendar.of(Office.newBuilder().setOfficeId("O").setName("O").setBusinessHours(List.of(hours)).build());
    }

    /** {@code hours} hours of the calendar's business time from {@code from}, Warsaw local time. */
    private static Instant plusHours(OfficeCalendar calendar, String from, int hours) {
        return calendar.plusBusinessTime(warsaw(from), Duration.ofHours(hours));
    }

    @Test
    void shouldKnowEasterAndTheHolidaysTiedToIt() {
        PublicHolidays poland = PublicHolidays.of("PL");
        assertThat(poland.isHoliday(LocalDate.of(2026, 4, 5))).as("Easter Sunday 2026").isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2025, 4, 20))).as("Easter Sunday 2025").isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2026, 6, 4))).as("Corpus Christi").isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2026, 5, 24))).as("Pentecost").isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2026, 11, 11))).isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(poland.isHoliday(LocalDate.of(2024, 12, 24))).isFalse();
        assertThat(poland.isHoliday(LocalDate.of(2026, 11, 12))).isFalse();
    }

    @Test
    void shouldEndAMonthPeriodOnTheLastDayOfAShorterMonth() {
        Instant registered = warsaw("2027-01-31T10:00:00");
        // 28 February 2027 is a Sunday: the deadline moves to Monday 1 March
        assertThat(DEFAULT.kpaDeadline(registered, 1).atZone(WARSAW).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        Instant leap = warsaw("2028-01-31T10:00:00");
        // 29 February 2028 is a Tuesday
        assertThat(DEFAULT.kpaDeadline(leap, 1).atZone(WARSAW).toLocalDate()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void shouldMoveAKpaDeadlinePastWeekendsAndHolidays() {
        // 3 October 2026 + 1 month = 3 November (Tuesday): stays
        assertThat(DEFAULT.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 3))).isEqualTo(LocalDate.of(2026, 11, 3));
        // 11 November 2026 is a Wednesday holiday
        assertThat(DEFAULT.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 11))).isEqualTo(LocalDate.of(2026, 11, 12));
        // Saturday 4 April 2026, then Easter Sunday and Monday: Tuesday 7 April
        assertThat(DEFAULT.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 4, 4))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void shouldCountBusinessTimeOnlyWithinOpeningHours() {
        // Friday 15:30 + 2 h: 30 min on Friday, then Monday 08:00 + 1 h 30 min
        assertThat(plusHours(DEFAULT, "2026-11-20T15:30:00", 2)).isEqualTo(warsaw("2026-11-23T09:30:00"));
        // before opening: counting starts at 08:00
        assertThat(plusHours(DEFAULT, "2026-11-23T06:00:00", 2)).isEqualTo(warsaw("2026-11-23T10:00:00"));
        // Tuesday 10 November 15:00 + 2 h skips the 11 November holiday
        assertThat(plusHours(DEFAULT, "2026-11-10T15:00:00", 2)).isEqualTo(warsaw("2026-11-12T09:00:00"));
    }

    @Test
    void shouldUseTheOfficesOwnHours() {
        OfficeCalendar calendar = openIn(new BusinessHours(1, "07:30", "17:00"), new BusinessHours(2, "07:30", "15:30"));
        // Monday 16:30 + 1 h: 30 min on Monday, 30 min from Tuesday 07:30
        assertThat(plusHours(calendar, "2026-11-23T16:30:00", 1)).isEqualTo(warsaw("2026-11-24T08:00:00"));
        // Tuesday 15:00 + 1 h: 30 min on Tuesday, then next Monday (no hours Wed-Sun)
        assertThat(plusHours(calendar, "2026-11-24T15:00:00", 1)).isEqualTo(warsaw("2026-11-30T08:00:00"));
    }

    @Test
    void shouldCountAnOfficeOpenRoundTheClockStraightThroughNightsWeekendsAndHolidays() {
        OfficeCalendar calendar = OfficeCalendar.of(CalendarOffices.roundTheClock("CPR"));
        // Saturday 26 December 2026 (a Polish holiday) 23:30 + 2 h: Sunday 01:30
        assertThat(plusHours(calendar, "2026-12-26T23:30:00", 2)).isEqualTo(warsaw("2026-12-27T01:30:00"));
        // the night clocks go forward (29 March 2026, 02:00 -> 03:00): 01:30 + 1 h of business time is 03:30
        assertThat(plusHours(calendar, "2026-03-29T01:30:00", 1)).isEqualTo(warsaw("2026-03-29T03:30:00"));
        assertThat(calendar.isOpen(LocalDate.of(2026, 12, 25))).isTrue();
    }

    @Test
    void shouldCloseAt24AsTheEndOfTheDay() {
        OfficeCalendar calendar = openIn(new BusinessHours(1, "08:00", "24:00"), new BusinessHours(2, "08:00", "24:00"));
        // Monday 23 November 2026 23:00 + 2 h: 1 h until midnight, 1 h from Tuesday 08:00
        assertThat(plusHours(calendar, "2026-11-23T23:00:00", 2)).isEqualTo(warsaw("2026-11-24T09:00:00"));
    }

    @Test
    void shouldSkipTheOfficesOwnDaysOffLikeHolidays() {
        OfficeCalendar calendar = OfficeCalendar.of(CalendarOffices.withDaysOff("O", "2026-11-10"));
        // Monday 9 November 15:00 + 2 h: 1 h on Monday; Tuesday 10 off, Wednesday 11 a holiday; Thursday 09:00
        assertThat(plusHours(calendar, "2026-11-09T15:00:00", 2)).isEqualTo(warsaw("2026-11-12T09:00:00"));
        assertThat(plusHours(DEFAULT, "2026-11-09T15:00:00", 2)).isEqualTo(warsaw("2026-11-10T09:00:00"));
        assertThat(calendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 10))).isEqualTo(LocalDate.of(2026, 11, 12));
    }

    @Test
    void shouldMoveAKpaDeadlinePastWeekendsOnlyWhenTheOfficeKeepsNoHolidays() {
        OfficeCalendar calendar = OfficeCalendar.of(CalendarOffices.roundTheClock("CPR"));
        // 11 November 2026, a Wednesday: a holiday in Poland, not in this office
        assertThat(calendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 11))).isEqualTo(LocalDate.of(2026, 11, 11));
        // Saturday 7 November 2026: art. 57 §4 names Saturdays, whatever the office's hours
        assertThat(calendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 7))).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void shouldKeepTheHolidaysOfTheOfficesCountryAndRegion() {
        Office munich = Office.newBuilder().setOfficeId("M").setName("M").setTimeZone("Europe/Berlin").setHolidays("DE-BY")
                .build();
        OfficeCalendar calendar = OfficeCalendar.of(munich);
        // 6 January 2026 (Tuesday) is a holiday in Bavaria; 11 November is not
        assertThat(calendar.isOpen(LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(calendar.isOpen(LocalDate.of(2026, 11, 11))).isTrue();
    }

    @Test
    void shouldLeaveOutWhatTheDirectoryWouldRefuse() {
        Office office = Office.newBuilder().setOfficeId("O").setName("O").setHolidays("ZZ").setDaysOff(List.of("10.11.2026"))
                .setBusinessHours(List.of(new BusinessHours(1, "08:00", "16:00"), new BusinessHours(2, "9 am", "16:00")))
                .build();
        OfficeCalendar calendar = OfficeCalendar.of(office);
        // Polish holidays, Monday hours only: Monday 16 November 15:00 + 2 h is due Monday 23 November 09:00
        assertThat(calendar.isOpen(LocalDate.of(2026, 11, 11))).isFalse();
        assertThat(plusHours(calendar, "2026-11-16T15:00:00", 2)).isEqualTo(warsaw("2026-11-23T09:00:00"));
    }
}
