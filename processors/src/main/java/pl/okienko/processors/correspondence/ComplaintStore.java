package pl.okienko.processors.correspondence;

import pl.okienko.processors.common.TopologyStore;

/** The state stores of the correspondence topology's complaint processor (C1, E3), shared with the views. */
public enum ComplaintStore implements TopologyStore {

    /** officeId|complaintId → ComplaintState. */
    REGISTER,
    /** officeId|yyyy-MM-dd|departmentId ("" for none) → ComplaintDayState of the items registered that day. */
    STATS_BY_DAY,
    /** Deadline index (C1) of open complaints: "soon:" or "due:" + complaintId. */
    DEADLINES,
    /** officeId|source|eventId seen recently ({@code EventIds}). */
    SEEN_EVENTS;

    @Override
    public String prefix() {
        return "complaint";
    }
}
