package pl.okienko.dashboard.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Offices side by side over a period (issue 15): per office its row of the whole period and, with a granularity,
 * one per day, ISO week or month; and the same for the total of the offices, merged from their data.
 *
 * @param targets the built-in target of each rule the figures are judged against (docs/standards.md); an office's
 *     own policy may set another
 */
public record Comparison(LocalDate from, LocalDate to, String granularity, Map<String, String> targets,
        List<OfficeRows> offices, OfficeRows total) {

    /** The officeId of the total row. */
    public static final String TOTAL = "TOTAL";

    /** One office's (or the total's) row of the whole period and its rows per bucket. */
    public record OfficeRows(String officeId, String officeName, ComparisonRow period, List<ComparisonRow> rows) {
    }
}
