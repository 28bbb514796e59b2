package pl.okienko.processors.queues;

import pl.okienko.processors.common.TopologyStore;

/** The queue topology's state stores (Q1–Q5, P1, P2), shared by the topology and the views. */
public enum QueueStore implements TopologyStore {

    /** officeId|ticketId → TicketState: tickets waiting or in service. */
    TICKETS,
    /** officeId|queueId → WaitingLineState. */
    WAITING_LINES,
    /** officeId|deskId → DeskState of open desks. */
    OPEN_DESKS,
    /** officeId|queueId|measure|minute → SketchState of the durations ended in that minute ({@link MinuteStats}). */
    MINUTE_STATS,
    /** officeId|queueId|measure|yyyy-MM-dd (office's local date) → SketchState, kept for history. */
    STATS_BY_DAY,
    /** officeId|queueId → QueueAlarmState of a raised QUEUE_EXCESSIVE alert. */
    EXCESSIVE_ALARMS,
    /**
     * officeId|yyyy-MM-dd|HH (office's local date and hour) → QueueHourState: the office's arrivals, services, lines
     * and priority waits of that hour, the points of the day charts ({@link HourlyFigures}), kept for history.
     */
    HOURLY_SERIES,
    /** officeId|ticketId → PriorityWaitState of a priority client waiting now (P1). */
    PRIORITY_WAITING,
    /** officeId|queueId|yyyy-MM-dd → QueueDayCounters (P1, P2, Q3, Q4, Q5), kept for history. */
    DAY_COUNTERS,
    /** officeId|source|eventId seen recently ({@code EventIds}): a redelivered event counts once. */
    SEEN_EVENTS,
    /** officeId → OfficeClockState: the event time reached per office, the clock of P1 and Q2 (OfficeClocks). */
    OFFICE_CLOCKS;

    @Override
    public String prefix() {
        return "queue";
    }
}
