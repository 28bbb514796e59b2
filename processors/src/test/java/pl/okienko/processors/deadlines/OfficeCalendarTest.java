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

    @Test
    void shouldKnowEasterAndTheHolidaysTiedToIt() {
        assertThat(PolishHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PolishHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 6, 4))).as("Corpus Christi").isTrue();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 5, 24))).as("Pentecost").isTrue();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 11, 11))).isTrue();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2024, 12, 24))).isFalse();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2026, 11, 12))).isFalse();
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
        assertThat(OfficeCalendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 3))).isEqualTo(LocalDate.of(2026, 11, 3));
        // 11 November 2026 is a Wednesday holiday
        assertThat(OfficeCalendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 11, 11))).isEqualTo(LocalDate.of(2026, 11, 12));
        // Saturday 4 April 2026, then Easter Sunday and Monday: Tuesday 7 April
        assertThat(OfficeCalendar.kpaWorkingDayOnOrAfter(LocalDate.of(2026, 4, 4))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void shouldCountBusinessTimeOnlyWithinOpeningHours() {
        // Friday 15:30 + 2 h: 30 min on Friday, then Monday 08:00 + 1 h 30 min
        assertThat(DEFAULT.plusBusinessTime(warsaw("2026-11-20T15:30:00"), Duration.ofHours(2)))
                .isEqualTo(warsaw("2026-11-23T09:30:00"));
        // before opening: counting starts at 08:00
        assertThat(DEFAULT.plusBusinessTime(warsaw("2026-11-23T06:00:00"), Duration.ofHours(2)))
                .isEqualTo(warsaw("2026-11-23T10:00:00"));
        // Tuesday 10 November 15:00 + 2 h skips the 11 November holiday
        assertThat(DEFAULT.plusBusinessTime(warsaw("2026-11-10T15:00:00"), Duration.ofHours(2)))
                .isEqualTo(warsaw("2026-11-12T09:00:00"));
    }

    @Test
    void shouldUseTheOfficesOwnHours() {
        Office office = Office.newBuilder().setOfficeId("O").setName("O")
                .setBusinessHours(List.of(new BusinessHours(1, "07:30", "17:00"), new BusinessHours(2, "07:30", "15:30")))
                .build();
        OfficeCalendar calendar = OfficeCalendar.of(office);
        // Monday 16:30 + 1 h: 30 min on Monday, 30 min from Tuesday 07:30
        assertThat(calendar.plusBusinessTime(warsaw("2026-11-23T16:30:00"), Duration.ofHours(1)))
                .isEqualTo(warsaw("2026-11-24T08:00:00"));
        // Tuesday 15:00 + 1 h: 30 min on Tuesday, then next Monday (no hours Wed-Sun)
        assertThat(calendar.plusBusinessTime(warsaw("2026-11-24T15:00:00"), Duration.ofHours(1)))
                .isEqualTo(warsaw("2026-11-30T08:00:00"));
    }
}
