package pl.okienko.processors.phone;

import java.time.Duration;

import pl.okienko.processors.common.OfficeEventProcessor;

/**
 * Settings of the phone topology (T1–T4, I2).
 *
 * @param dedupeRetention how long an eventId is remembered to drop redeliveries
 * @param deadlineCheckInterval how often (wall clock) due callback obligations are looked for; CALLBACK_OVERDUE
 *     appears at most this long after the due time
 * @param staleCallAfter a call with no news for this long (wall clock) is forgotten
 * @param alertHorizon an obligation found overdue more than this long after its due time (a replay of old
 *     records) is counted as overdue without raising a live alert: nobody can act on a year-old callback
 * @param ringingHorizon a call offered longer ago than this with no answer and no hang-up is not shown as
 *     ringing now (its end was lost); no phone rings that long
 * @param dueSoon an open obligation due within this time is listed as due soon
 * @param metCallbackRetention a met obligation is forgotten this long after it was met or, if later, due
 *     ({@link Obligation#forgetAt}); the callback list and figures of a day read the obligations themselves, so
 *     they are complete for days up to this long ago. Open obligations are never forgotten.
 * @param lateWindow how late, behind the latest event time seen (taken at most up to the wall clock), a phone
 *     event may arrive and still be placed exactly in its number's callback timeline ({@link CallbackTimeline}):
 *     a call's events may be written only at its end, and no call lasts this long. What the timeline of a number
 *     holds is dropped once this window has passed it, and with it the number.
 */
public record PhoneConfig(Duration dedupeRetention, Duration deadlineCheckInterval, Duration staleCallAfter,
        Duration alertHorizon, Duration ringingHorizon, Duration dueSoon, Duration metCallbackRetention,
        Duration lateWindow) implements OfficeEventProcessor.Settings {

    public static PhoneConfig defaults() {
        return new PhoneConfig(Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofHours(36), Duration.ofHours(24),
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofDays(90), Duration.ofHours(2));
    }

    /** These settings with another retention of met obligations. */
    public PhoneConfig withMetCallbackRetention(Duration retention) {
        return new PhoneConfig(dedupeRetention, deadlineCheckInterval, staleCallAfter, alertHorizon, ringingHorizon,
                dueSoon, retention, lateWindow);
    }
}
