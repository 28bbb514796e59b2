package pl.okienko.processors.correspondence;

/**
 * Complaint and request figures (C1, E3) of one department or office for the items registered on
 * one office-local day, as they stand now.
 *
 * @param answeredOnTime answered by the deadline in force, never breached
 * @param answeredLate answered after it, or after a deadline passed before an extension was recorded
 * @param onTimeRate answeredOnTime ÷ (answeredOnTime + answeredLate + overdue); null when none is decided
 * @param extended items with at least one extension
 * @param extensionsWithNotice extensions the party was told of (KPA art. 36)
 * @param extensionsWithoutNotice extensions the party was not told of
 * @param dueSoon open, not overdue, within the warning period
 * @param overdue open and past the deadline in force
 */
public record ComplaintFigures(
        String id,
        String name,
        long registered,
        long complaints,
        long requests,
        long answeredOnTime,
        long answeredLate,
        Double onTimeRate,
        long extended,
        long extensionsWithNotice,
        long extensionsWithoutNotice,
        long open,
        long dueSoon,
        long overdue) {
}
