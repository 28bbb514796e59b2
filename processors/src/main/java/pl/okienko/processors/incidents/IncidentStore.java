package pl.okienko.processors.incidents;

import pl.okienko.processors.common.TopologyStore;

/** The incident topology's state stores (I1), shared by the topology and the views. */
public enum IncidentStore implements TopologyStore {

    /** officeId|incidentId → IncidentState: every open incident and recently resolved ones. */
    STATE,
    /**
     * officeId|incidentId → the incidentId it was merged into (a panic button pressed again); forgotten
     * with the incident it points to.
     */
    ALIASES,
    /**
     * Each incident's next wake-up on the wall clock (its acknowledgement deadline, or when it is to be
     * forgotten), a {@link pl.okienko.processors.deadlines.DeadlineIndex}: the timer reads only what is due.
     */
    WAKEUPS,
    /** officeId|desk|deskId or officeId|department|departmentId → HotspotState. */
    HOTSPOTS,
    /** officeId|date|scope → IncidentCounts, scope "office" or "desk:ID". */
    COUNTS_BY_DAY,
    /** officeId|date|scope|measure → SketchState, measure "acknowledge" or "resolve". */
    DURATIONS_BY_DAY,
    /** officeId|source|eventId seen recently ({@code EventIds}): a redelivered event counts once. */
    SEEN_EVENTS,
    /** officeId → OfficeClockState: the event time reached per office, the clock of the hotspot windows. */
    OFFICE_CLOCKS;

    @Override
    public String prefix() {
        return "incident";
    }
}
