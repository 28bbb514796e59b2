package pl.okienko.processors.correspondence;

import java.time.Duration;

import pl.okienko.processors.common.OfficeEventProcessor;

/**
 * Settings of the correspondence topology (E1–E3, C1).
 *
 * @param dedupeRetention how long an eventId is remembered to drop redeliveries
 * @param deadlineCheckInterval how often (wall clock) due deadlines are looked up; an alert comes
 *     at most this long after its moment
 * @param alertHorizon a deadline that passed longer ago than this (a replay of history) is shown as
 *     overdue in the views but raises no alert: alerts are about the present
 * @param resolvedRetention an answered or closed item is kept this long (wall clock) so late
 *     events about it change nothing, then forgotten (its day figures stay)
 * @param orphanRetention an item whose received or registered event never came is forgotten after this
 */
public record CorrespondenceConfig(Duration dedupeRetention, Duration deadlineCheckInterval, Duration alertHorizon,
        Duration resolvedRetention, Duration orphanRetention) implements OfficeEventProcessor.Settings {

    /**
     * Whether an item untouched for {@code ageMillis} may go: answered or closed (known, not open) after
     * {@link #resolvedRetention}, never received or registered after {@link #orphanRetention}.
     */
    boolean forgettable(CorrespondenceItem<?> item, long ageMillis) {
        return item.known() ? !item.open() && ageMillis > resolvedRetention.toMillis()
                : ageMillis > orphanRetention.toMillis();
    }

    public static CorrespondenceConfig defaults() {
        return new CorrespondenceConfig(Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofDays(7),
                Duration.ofDays(7), Duration.ofDays(30));
    }
}
