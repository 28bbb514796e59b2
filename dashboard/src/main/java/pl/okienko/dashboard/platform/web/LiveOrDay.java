package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How the read APIs answer for one office: its live view when no {@code date} is asked for, else the view of
 * that office-local day, both as of now; {@link UnknownOfficeException} (404) when there is no such office.
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

    /** @param events what an unknown office has not sent, for the 404, e.g. "phone events" */
    public static <V> V view(String officeId, LocalDate date, String events, LiveView<V> live,
            DayView<V> day) {
        Instant now = Instant.now();
        return (date == null ? live.of(officeId, now) : day.of(officeId, date, now))
                .orElseThrow(() -> new UnknownOfficeException(officeId, events));
    }
}
