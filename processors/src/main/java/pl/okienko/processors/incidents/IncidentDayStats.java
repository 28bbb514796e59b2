package pl.okienko.processors.incidents;

import java.util.Map;

import pl.okienko.processors.stats.DurationStats;

/**
 * The measures of I1 for one office or desk on one office-local day.
 *
 * @param byLevel incidents by their highest level, 1–4 (0: a panic button with no level reported)
 * @param policeEscalations incidents that reached the police, by an escalation or by re-raises
 * @param reraises alerts raised again because nobody acknowledged them in time
 * @param timeToAcknowledge from the first report to the first acknowledgement
 * @param timeToResolve from the first report to the resolution
 */
public record IncidentDayStats(
        long incidents,
        Map<Integer, Long> byLevel,
        long panicButtons,
        long policeEscalations,
        long reraises,
        DurationStats timeToAcknowledge,
        DurationStats timeToResolve) {

    public static final IncidentDayStats EMPTY = new IncidentDayStats(0, Map.of(), 0, 0, 0, DurationStats.EMPTY,
            DurationStats.EMPTY);
}
