package pl.okienko.processors.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHolidaysTest {

    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 3),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25), MonthDay.of(12, 26));

    /**
     * Poland's public holidays by the Act of 18 January 1951 as amended: the fixed days, Epiphany
     * (6 January) from 2011, Christmas Eve from 2025, Easter Sunday and Monday, Pentecost Sunday
     * (Easter + 49 days) and Corpus Christi (Easter + 60 days).
     */
    private static Set<LocalDate> statutoryPolishHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        FIXED.forEach(d -> days.add(d.atYear(year)));
        if (year >= 2011) {
            days.add(LocalDate.of(year, 1, 6));
        }
        if (year >= 2025) {
            days.add(LocalDate.of(year, 12, 24));
        }
        LocalDate easter = gaussEaster(year);
        days.add(easter);
        days.add(easter.plusDays(1));
        days.add(easter.plusDays(49));
        days.add(easter.plusDays(60));
        return days;
    }

    /** Gregorian Easter Sunday by Gauss's algorithm (a different computus from the one the product used). */
    private static LocalDate gaussEaster(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return LocalDate.of(year, 3, 22).plusDays(d + e);
    }

    @Test
    void gaussEasterShouldAgreeWithPublishedDates() {
        assertThat(gaussEaster(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(gaussEaster(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(gaussEaster(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(gaussEaster(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(gaussEaster(2035)).isEqualTo(LocalDate.of(2035, 3, 25));
    }

    /**
     * Jollyday's Polish calendar against the statute, 2000 to 2035. The one difference: it keeps
     * Epiphany in every year, while the statute has it only from 2011 (restored by the Act of 24
     * September 2010). The hand-written class it replaces did the same, so no figure changes; it
     * touches only deadlines before 2011.
     */
    @Test
    void polandShouldKeepTheStatutoryHolidaysFrom2000To2035ExceptEpiphanyBefore2011() {
        PublicHolidays poland = PublicHolidays.of("PL");
        Set<LocalDate> expected = new TreeSet<>();
        Set<LocalDate> actual = new TreeSet<>();
        for (int year = 2000; year <= 2035; year++) {
            expected.addAll(statutoryPolishHolidays(year));
            actual.addAll(poland.holidays(year));
        }

        Set<LocalDate> onlyInJollyday = new TreeSet<>(actual);
        onlyInJollyday.removeAll(expected);
        Set<LocalDate> onlyInStatute = new TreeSet<>(expected);
        onlyInStatute.removeAll(actual);

        assertThat(onlyInStatute).isEmpty();
        assertThat(onlyInJollyday).containsExactlyElementsOf(
                IntStream.rangeClosed(2000, 2010).mapToObj(y -> LocalDate.of(y, 1, 6)).toList());
        // 13 days a year before 2025 (Epiphany counted in all), 14 from 2025
        assertThat(actual).hasSize(25 * 13 + 11 * 14);
    }

    @Test
    void polandShouldKeepChristmasEveFrom2025Only() {
        PublicHolidays poland = PublicHolidays.of("pl");

        assertThat(poland.isHoliday(LocalDate.of(2024, 12, 24))).isFalse();
        assertThat(poland.isHoliday(LocalDate.of(2025, 12, 24))).isTrue();
        assertThat(poland.code()).isEqualTo("PL");
    }

    @Test
    void aRegionShouldAddItsOwnHolidaysToTheCountrys() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);

        assertThat(PublicHolidays.of("DE-BY").isHoliday(epiphany)).as("Bavaria").isTrue();
        assertThat(PublicHolidays.of("de-be").isHoliday(epiphany)).as("Berlin").isFalse();
        assertThat(PublicHolidays.of("DE").isHoliday(LocalDate.of(2026, 10, 3))).as("German Unity Day").isTrue();
        assertThat(PublicHolidays.of("de-by").code()).isEqualTo("DE-BY");
    }

    @Test
    void aHolidayMovedOffAWeekendShouldBeKeptOnTheWeekday() {
        // 4 July 2026 is a Saturday; the United States observe it on Friday 3 July
        PublicHolidays us = PublicHolidays.of("US");

        assertThat(us.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(us.isHoliday(LocalDate.of(2026, 7, 4))).isFalse();
    }

    @Test
    void noneShouldKeepNoHoliday() {
        PublicHolidays none = PublicHolidays.of("none");

        assertThat(none.holidays(2026)).isEmpty();
        assertThat(none.isHoliday(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(none.code()).isEqualTo("NONE");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ZZ     | 'ZZ' names no country with a public holiday calendar",
            "Poland | 'POLAND' names no country",
            // a market calendar is no country
            "NYSE   | 'NYSE' names no country",
            "\"\"     | '' names no country",
            "DE-XX  | 'DE-XX': country DE has no region 'XX'; its regions are [BB, BE, BW, BY,",
            "PL-MZ  | 'PL-MZ': country PL has no region 'MZ'; name the country alone"})
    void shouldRefuseACodeThatNamesNoCalendarOrARegionTheCountryDoesNotHave(String code, String message) {
        assertThatThrownBy(() -> PublicHolidays.of(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void anUnknownCodeInARecordThatSkippedValidationShouldGivePolandsHolidays() {
        assertThat(PublicHolidays.ofOrDefault("ZZ")).isSameAs(PublicHolidays.of("PL"));
    }
}
