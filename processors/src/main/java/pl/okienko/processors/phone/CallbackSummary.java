package pl.okienko.processors.phone;

/**
 * Callback obligations of one office (T3, T4): the open ones now, and those due on one day.
 *
 * @param open obligations not yet met (including the overdue ones)
 * @param dueSoon open and due within the configured time
 * @param overdue open and past their due time
 * @param dueThatDay obligations due on the day (today for the live view)
 * @param metOnTime of those, met by their due time
 * @param metLate of those, met after it
 * @param unmetPastDue of those, past due and still not met
 * @param keptOnTimeRate metOnTime ÷ (metOnTime + metLate + unmetPastDue); null when none is decided yet
 * @param attempts of those met, met by an outbound call attempt
 * @param connected of those, the attempt connected
 */
public record CallbackSummary(
        long open,
        long dueSoon,
        long overdue,
        long dueThatDay,
        long metOnTime,
        long metLate,
        long unmetPastDue,
        Double keptOnTimeRate,
        long attempts,
        long connected) {
}
