package pl.okienko.processors.queues;

/** Names of the queue topology's state stores, shared by the topology and the views. */
public final class QueueStores {

    /** officeId|ticketId → TicketState: tickets waiting or in service. */
    public static final String TICKETS = "queue-tickets";
    /** officeId|queueId → WaitingLineState. */
    public static final String LINES = "queue-waiting-lines";
    /** officeId|deskId → DeskState of open desks. */
    public static final String DESKS = "queue-open-desks";
    /** Window store, one-minute windows by event time: officeId|queueId|measure → SketchState. */
    public static final String STATS_BY_MINUTE = "queue-minute-stats";
    public static final String STATS_BY_MINUTE_EXPIRY = "queue-minute-stats-expiry";
    /** officeId|queueId|measure|yyyy-MM-dd (office's local date) → SketchState, kept for history. */
    public static final String STATS_BY_DAY = "queue-stats-by-day";
    /** officeId|queueId → QueueAlarmState of a raised QUEUE_EXCESSIVE alert. */
    public static final String ALARMS = "queue-excessive-alarms";
    /** officeId|ticketId → PriorityWaitState of a priority client waiting now (P1). */
    public static final String PRIORITY_WAITING = "queue-priority-waiting";
    /** officeId|queueId|yyyy-MM-dd → QueueDayCounters (P1, P2, Q3, Q4, Q5), kept for history. */
    public static final String DAY_COUNTERS = "queue-day-counters";
    /** Window store of officeId|source|eventId seen recently: a redelivered event counts once. */
    public static final String EVENT_IDS = "queue-seen-events";
    /** officeId → OfficeClockState: the event time reached per office, the clock of P1 and Q2 (OfficeClocks). */
    public static final String CLOCKS = "queue-office-clocks";

    /**
     * DeadlineTimers of the thresholds time passes with no event: {@code P1|ticketId} when a priority wait passes
     * its target, {@code Q2|queueId} when a quiet line's longest wait passes the limit (and {@code -due} beside it).
     */
    public static final String DEADLINES = "queue-deadlines";

    /** Measure part of the statistics keys. */
    public static final String WAIT = "wait";
    public static final String SERVICE = "service";

    private QueueStores() {
    }
}
