package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;

/**
 * How the read APIs answer for one office: its live view when no {@code date} is asked for, else the view of
 * that office-local day, or of a period ({@link DaysAsked}), all as of now; {@link UnknownOfficeException} (404)
 * when there is no such office.
 */
public final class LiveOrDay {

    private LiveOrDay() {
    }

    /** An office's live view as of an instant, empty for an unknown office. */
    @FunctionalInterface
    public interface LiveView<V> {
        Optional<V> of(String officeId, Instant now);
    }

    /** An office's view of one office-local day as of an instant, empty for an unknown office. */
    @FunctionalInterface
    public interface DayView<V> {
        Optional<V> of(String officeId, LocalDate date, Instant now);
    }

    /**
     * An office's view of a period of office-local days as of an instant (a {@link PeriodView} of its day view's
     * form), empty for an unknown office.
     */
    @FunctionalInterface
    public interface PeriodOf {
        Optional<? extends PeriodView<?>> of(String officeId, Period period, Granularity granularity, Instant now);
    }

    /**
     * The live view, a day's or a period's ({@link PeriodView} of the day view's form), as {@code asked}.
     *
     * @param events what an unknown office has not sent, for the 404, e.g. "phone events"
     */
    public static <V> Object view(String officeId, DaysAsked asked, String events, LiveView<V> live, DayView<V> day,
            PeriodOf period) {
        if (asked.period() == null) {
            return view(officeId, asked.date(), events, live, day);
        }
        return period.of(officeId, asked.period(), asked.granularity(), Instant.now())
                .<Object>map(PeriodView.class::cast).orElseThrow(() -> new UnknownOfficeException(officeId, events));
    }

    /** @param events what an unknown office has not sent, for the 404, e.g. "phone events" */
    public static <V> V view(String officeId, LocalDate date, String events, LiveView<V> live,
            DayView<V> day) {
        Instant now = Instant.now();
        return (date == null ? live.of(officeId, now) : day.of(officeId, date, now))
                .orElseThrow(() -> new UnknownOfficeException(officeId, events));
    }
}
