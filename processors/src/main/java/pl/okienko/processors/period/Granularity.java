package pl.okienko.processors.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The rows a period view is cut into (every rule, Q1…S1): office-local days, ISO weeks (Monday to Sunday) or months. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** {@code day}, {@code week} or {@code month}, in any case. */
    public static Granularity parse(String name) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(name.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("granularity must be day, week or month, was '" + name + "'");
    }

    /** The last day of the day, week or month holding {@code date}. */
    LocalDate lastDay(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The row's name: {@code 2026-03-04}, {@code 2026-W10} (ISO week-based year) or {@code 2026-03}. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    /** The lower-case name the API takes and gives. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
