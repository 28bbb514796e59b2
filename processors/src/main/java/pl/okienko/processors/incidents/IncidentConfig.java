package pl.okienko.processors.incidents;

import java.time.Duration;

import pl.okienko.processors.common.OfficeEventProcessor;

/**
 * Settings of the incident topology (I1). The acknowledgement time and the hotspot thresholds are
 * not here: they come from each office's policy, live.
 *
 * @param dedupeRetention how long an eventId is remembered to drop redeliveries
 * @param timerInterval how often (wall clock) acknowledgement deadlines and hotspot windows are checked
 * @param panicMergeWindow a panic button pressed again at the same place within this time is the same incident
 * @param keepResolved a resolved incident, and the ids of panic presses merged into it, stay in the live stores
 *     this long (wall clock since its last event) for late events, then are forgotten.
 *     The day measures ({@code ?date=}) are counted in their own stores when the events come, so they stay.
 * @param keepUnresolved an incident that never raised an alert (a level 1 or 2 report) and was never resolved
 *     is forgotten this long after its last event, so the office's open incidents do not fill with reports
 *     nobody closed; one with an alert stays until it is resolved, however long that takes
 */
public record IncidentConfig(Duration dedupeRetention, Duration timerInterval, Duration panicMergeWindow,
        Duration keepResolved, Duration keepUnresolved) implements OfficeEventProcessor.Settings {

    public static IncidentConfig defaults() {
        return new IncidentConfig(Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofDays(2),
                Duration.ofDays(30));
    }

    /** These settings with other retentions of resolved incidents and of unresolved reports without an alert. */
    public IncidentConfig withRetention(Duration resolved, Duration unresolved) {
        return new IncidentConfig(dedupeRetention, timerInterval, panicMergeWindow, resolved, unresolved);
    }
}
