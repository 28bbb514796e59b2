package pl.okienko.processors.incidents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import pl.okienko.processors.incidents.state.HotspotEntry;
import pl.okienko.processors.incidents.state.HotspotState;

/**
 * The INCIDENT_HOTSPOT rule of I1 for one desk or department: raised when it has at least
 * {@code threshold} incidents of level 2 or more within {@code window} (defaults 2 in 30 min);
 * cleared when the window has moved past enough of them.
 */
public final class Hotspot {

    /** What the rule asks for after a change. */
    public enum Decision {
        RAISE, CLEAR, NONE
    }

    private final List<HotspotEntry> entries;
    private String alertId;
    private Long raisedAt;

    private Hotspot(List<HotspotEntry> entries, String alertId, Long raisedAt) {
        this.entries = entries;
        this.alertId = alertId;
        this.raisedAt = raisedAt;
    }

    public static Hotspot fromState(HotspotState state) {
        return state == null ? new Hotspot(new ArrayList<>(), null, null)
                : new Hotspot(new ArrayList<>(state.getEntries()), state.getAlertId(), state.getRaisedAt());
    }

    public HotspotState toState() {
        return new HotspotState(List.copyOf(entries), alertId, raisedAt);
    }

    /** Adds an incident of level 2 or more that happened at {@code at} (event time); the same incident counts once. */
    public Decision add(String incidentId, long at, int threshold, Duration window) {
        if (entries.stream().noneMatch(e -> e.getIncidentId().equals(incidentId))) {
            entries.add(new HotspotEntry(incidentId, at));
        }
        long inWindow = entries.stream().filter(e -> e.getAt() > at - window.toMillis() && e.getAt() <= at).count();
        return alertId == null && inWindow >= threshold ? Decision.RAISE : Decision.NONE;
    }

    /**
     * The instant from which the window holds fewer than {@code threshold} of the incidents known, at the
     * latest {@code now}: when the one whose leaving made them too few left it. A replay stamps the clear
     * with it, whenever the clock that finds it runs.
     */
    public long tooFewSince(long now, int threshold, Duration window) {
        if (entries.size() < threshold) {
            return now;
        }
        long[] times = entries.stream().mapToLong(HotspotEntry::getAt).sorted().toArray();
        return Math.min(now, times[times.length - threshold] + window.toMillis());
    }

    /** Forgets incidents older than the window as of {@code now}; clears a raised alert when too few remain. */
    public Decision expire(long now, int threshold, Duration window) {
        entries.removeIf(e -> e.getAt() <= now - window.toMillis());
        return alertId != null && entries.size() < threshold ? Decision.CLEAR : Decision.NONE;
    }

    public int size() {
        return entries.size();
    }

    public boolean empty() {
        return entries.isEmpty() && alertId == null;
    }

    public String alertId() {
        return alertId;
    }

    public Long raisedAt() {
        return raisedAt;
    }

    public void raised(String id, long at) {
        alertId = id;
        raisedAt = at;
    }

    public void cleared() {
        alertId = null;
        raisedAt = null;
    }
}
