package pl.okienko.processors.correspondence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The complaints view of one office (C1, E3): figures of the items registered on {@code date}
 * (today when live) per office and department, and the open and overdue items, overdue first.
 * Live, the lists hold every open item; for a past date, those registered that day.
 */
public record OfficeComplaintsView(
        @JsonUnwrapped DayHeading heading,
        ComplaintFigures office,
        List<ComplaintFigures> departments,
        List<ComplaintItem> open,
        List<ComplaintItem> overdue) {
}
