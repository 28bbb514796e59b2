package pl.okienko.dashboard.webhooks;

import java.time.Duration;

/**
 * The wait before the next delivery attempt after {@code failures} failed ones: the initial wait,
 * doubled after each further failure, never longer than the maximum. A receiver that is down for
 * ten minutes is therefore tried about once a minute, and hears of the backlog within a minute of
 * coming back.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long millis = initial.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
