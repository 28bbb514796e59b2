package pl.okienko.processors.queues;

import java.time.Duration;

import pl.okienko.processors.common.OfficeEventProcessor;

/**
 * Settings of the queue topology.
 *
 * @param dedupeRetention how long an eventId is remembered to drop redeliveries
 * @param alarmCheckInterval how often (wall clock) Q2 is re-evaluated when no event arrives
 * @param minuteStatsRetention how long one-minute statistics are kept (covers the last hour)
 * @param staleTicketAfter a ticket with no news for this long (wall clock) is forgotten
 * @param lateEventGrace how late (event time) an issue may arrive and still be judged against the calls
 *     made after it (P1 bypasses, Q3 order)
 */
public record QueueConfig(Duration dedupeRetention, Duration alarmCheckInterval, Duration minuteStatsRetention,
        Duration staleTicketAfter, Duration lateEventGrace) implements OfficeEventProcessor.Settings {

    public static QueueConfig defaults() {
        return new QueueConfig(Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofHours(3), Duration.ofHours(36),
                Duration.ofMinutes(5));
    }
}
