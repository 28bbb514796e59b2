package pl.okienko.processors.deadlines;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Statutory public holidays in Poland (Act of 18 January 1951 on public holidays): the fixed
 * ones, those tied to Easter (Easter Sunday and Monday, Pentecost Sunday, Corpus Christi), and
 * Christmas Eve from 2025. Deadlines under KPA art. 57 §4 and business-hour clocks skip them.
 */
public final class PolishHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(5, 1), MonthDay.of(5, 3), MonthDay.of(8, 15),
            MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25), MonthDay.of(12, 26));
    private static final MonthDay CHRISTMAS_EVE = MonthDay.of(12, 24);

    private PolishHolidays() {
    }

    public static boolean isHoliday(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (FIXED.contains(day) || (date.getYear() >= 2025 && day.equals(CHRISTMAS_EVE))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter) || date.equals(easter.plusDays(1))
                || date.equals(easter.plusDays(49)) || date.equals(easter.plusDays(60));
    }

    /** Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
