package pl.okienko.processors.correspondence;

import pl.okienko.processors.common.TopologyStore;

/** The state stores of the correspondence topology's e-mail processor (E1, E2), shared with the views. */
public enum EmailStore implements TopologyStore {

    /** officeId|messageId → EmailState: open e-mails, and answered ones for a while. */
    MESSAGES,
    /** officeId|yyyy-MM-dd|mailboxId → EmailDayState of the e-mails received that office-local day. */
    STATS_BY_DAY,
    /** Deadline index (E1) of open e-mails: due + 1 ms → messageId. */
    DEADLINES,
    /** officeId|source|eventId seen recently ({@code EventIds}). */
    SEEN_EVENTS;

    @Override
    public String prefix() {
        return "email";
    }
}
