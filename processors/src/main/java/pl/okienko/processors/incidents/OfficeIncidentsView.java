package pl.okienko.processors.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An office's incidents (I1): the open ones (live view only) and the day's measures for the office
 * and each desk.
 *
 * @param asOf when the live view was read; null for a past day
 * @param open open incidents, newest first; empty for a past day
 */
public record OfficeIncidentsView(
        String officeId,
        LocalDate date,
        Instant asOf,
        List<IncidentView> open,
        IncidentDayStats office,
        List<DeskIncidents> desks) {

    /** One desk's measures of the day. */
    public record DeskIncidents(String deskId, IncidentDayStats stats) {
    }
}
