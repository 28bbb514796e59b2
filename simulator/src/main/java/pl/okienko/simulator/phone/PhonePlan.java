package pl.okienko.simulator.phone;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of one simulated phone day (T1–T4, I2).
 *
 * @param peakCallsPerHour calls per line per hour at the top of the morning peak
 * @param peakAt when the morning peak is highest, from the opening
 * @param lunchAt when the lunch dip starts, from the opening; clerks answer fewer calls for {@code lunchLength}
 * @param lunchLength how long the dip lasts
 * @param promiseShare share of answered calls in which the clerk promises to call back (T4)
 * @param promiseLeadMin the agreed callback time is at least this long after the call
 * @param promiseLeadMax and at most this long
 * @param lateShare share of callbacks (T3 and T4) made after their due time
 * @param ringLimit when the exchange gives up on an unanswered call (NO_ANSWER)
 */
public record PhonePlan(double peakCallsPerHour, Duration peakAt, Duration lunchAt, Duration lunchLength,
        double promiseShare, Duration promiseLeadMin, Duration promiseLeadMax, double lateShare, Duration ringLimit) {

    public PhonePlan {
        Objects.requireNonNull(peakAt, "peakAt");
        Objects.requireNonNull(lunchAt, "lunchAt");
        Objects.requireNonNull(lunchLength, "lunchLength");
        Objects.requireNonNull(promiseLeadMin, "promiseLeadMin");
        Objects.requireNonNull(promiseLeadMax, "promiseLeadMax");
        Objects.requireNonNull(ringLimit, "ringLimit");
        if (!(peakCallsPerHour > 0)) {
            throw new IllegalArgumentException("peakCallsPerHour must be positive");
        }
        if (promiseLeadMax.compareTo(promiseLeadMin) < 0) {
            throw new IllegalArgumentException("promiseLeadMax must not be shorter than promiseLeadMin");
        }
    }

    /** An ordinary day: a peak an hour and a half after opening, lunch after four hours, callbacks agreed 30–90 min ahead. */
    public static PhonePlan businessDay() {
        return new PhonePlan(24, Duration.ofMinutes(90), Duration.ofHours(4), Duration.ofMinutes(60), 0.06,
                Duration.ofMinutes(30), Duration.ofMinutes(90), 0.15, Duration.ofSeconds(60));
    }

    /**
     * The live demo's hour: the peak after ten minutes, a dip at half time, callbacks agreed 3–8
     * minutes ahead, so that a late one shows CALLBACK_OVERDUE (T4) within minutes of the start.
     */
    public static PhonePlan demo() {
        return new PhonePlan(90, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(8), 0.15,
                Duration.ofMinutes(3), Duration.ofMinutes(8), 0.3, Duration.ofSeconds(60));
    }
}
