package pl.okienko.processors.period;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A view of one office over a {@link Period} (every rule, Q1…S1): {@code total}, the figures of the whole period
 * merged from its days (counts and sums added, percentiles from merged sketches, rates from summed numerators and
 * denominators), and with a granularity one row per day, ISO week or month, each merged the same way.
 *
 * @param total the period's figures, in the form of the concern's day view; its {@code date} is the period's first day
 * @param granularity day, week or month; null when no rows were asked for
 * @param rows the buckets in order, empty without a granularity
 */
public record PeriodView<T>(LocalDate from, LocalDate to, String granularity, T total, List<Row<T>> rows) {

    /** One day, ISO week or month of the period (clipped to it), e.g. {@code 2026-W10}. */
    public record Row<T>(String period, LocalDate from, LocalDate to, T figures) {
    }

    /**
     * The view of {@code period} from {@code figures}, a function giving the merged figures of any part of it
     * (empty for an office unknown and without data there); empty when the whole period has none.
     *
     * @param granularity null for the total alone
     */
    public static <T> Optional<PeriodView<T>> of(Period period, Granularity granularity,
            Function<Period, Optional<T>> figures) {
        return figures.apply(period).map(total -> new PeriodView<>(period.from(), period.to(),
                granularity == null ? null : granularity.toString(), total,
                granularity == null ? List.of() : period.buckets(granularity).stream()
                        .map(bucket -> new Row<>(granularity.label(bucket.from()), bucket.from(), bucket.to(),
                                figures.apply(bucket).orElse(null)))
                        .toList()));
    }
}
