package pl.okienko.processors.phone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The callback list of one office (T3, T4): live (date null: the open obligations, overdue first) or
 * the obligations due on one office-local day.
 *
 * @param state the filter applied: open, overdue or all
 */
public record CallbacksView(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate date,
        String state,
        CallbackSummary summary,
        List<CallbackView> callbacks) {
}
