package pl.okienko.processors.incidents;

/** Names of the incident topology's state stores (I1); views read them by these names. */
public final class IncidentStores {

    /** officeId|incidentId → IncidentState: every open incident and recently resolved ones. */
    public static final String INCIDENTS = "incident-state";
    /**
     * officeId|incidentId → the incidentId it was merged into (a panic button pressed again); forgotten
     * with the incident it points to.
     */
    public static final String ALIASES = "incident-aliases";
    /**
     * Each incident's next wake-up on the wall clock (its acknowledgement deadline, or when it is to be
     * forgotten), a {@link pl.okienko.processors.deadlines.DeadlineIndex}: the timer reads only what is due.
     */
    public static final String WAKEUPS = "incident-wakeups";
    /** officeId|desk|deskId or officeId|department|departmentId → HotspotState. */
    public static final String HOTSPOTS = "incident-hotspots";
    /** officeId|date|scope → IncidentCounts, scope "office" or "desk:ID". */
    public static final String COUNTS_BY_DAY = "incident-counts-by-day";
    /** officeId|date|scope|measure → SketchState, measure "acknowledge" or "resolve". */
    public static final String DURATIONS_BY_DAY = "incident-durations-by-day";
    /** officeId|source|eventId → first seen, to drop redeliveries. */
    public static final String EVENT_IDS = "incident-seen-events";
    /** officeId → OfficeClockState: the event time reached per office, the clock of the hotspot windows. */
    public static final String CLOCKS = "incident-office-clocks";

    static final String OFFICE_SCOPE = "office";
    static final String DESK_SCOPE_PREFIX = "desk:";
    static final String ACKNOWLEDGE = "acknowledge";
    static final String RESOLVE = "resolve";

    private IncidentStores() {
    }
}
