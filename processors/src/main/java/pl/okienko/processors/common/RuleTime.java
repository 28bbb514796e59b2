package pl.okienko.processors.common;

/**
 * The instant an alert rule judges by for one office ({@link OfficeClocks}), and whether the office is
 * live. Live, {@code now} follows the wall clock, and an alert is stamped when it is found; in a replay,
 * {@code now} is the office's event time and a threshold crossed between two events is stamped at the
 * instant it was crossed, so the same events give the same alerts at any processing speed.
 *
 * @param now epoch millis the rule takes as the present
 * @param live whether the office's events come as they happen
 */
public record RuleTime(long now, boolean live) {

    /** The instant of an alert for a threshold crossed at {@code crossedAt} (not after {@code now}). */
    public long stamp(long crossedAt) {
        return live ? now : Math.min(crossedAt, now);
    }
}
