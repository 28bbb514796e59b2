package pl.okienko.processors.queues;

import java.time.Instant;
import java.util.List;

/** The desks of an office at {@code asOf} ({@link DeskBoard}; issue 14, the desk view). */
public record OfficeDesksView(String officeId, String officeName, String timeZone, Instant asOf, List<DeskView> desks) {

    public OfficeDesksView {
        desks = List.copyOf(desks);
    }
}
