package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The complaints view of one office (C1, E3): figures of the items registered on {@code date}
 * (today when live) per office and department, and the open and overdue items, overdue first.
 * Live, the lists hold every open item; for a past date, those registered that day.
 */
public record OfficeComplaintsView(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate date,
        boolean live,
        ComplaintFigures office,
        List<ComplaintFigures> departments,
        List<ComplaintItem> open,
        List<ComplaintItem> overdue) {
}
