package pl.okienko.processors.correspondence;

/** Names of the correspondence topology's state stores, shared by the topology and the views. */
public final class CorrespondenceStores {

    /** officeId|messageId → EmailState: open e-mails, and answered ones for a while. */
    public static final String EMAILS = "email-messages";
    /** officeId|yyyy-MM-dd|mailboxId → EmailDayState of the e-mails received that office-local day. */
    public static final String EMAIL_DAYS = "email-stats-by-day";
    /** Deadline index (E1) of open e-mails: due + 1 ms → messageId. */
    public static final String EMAIL_DEADLINES = "email-deadlines";
    /** Window store of officeId|source|eventId seen recently. */
    public static final String EMAIL_EVENT_IDS = "email-seen-events";

    /** officeId|complaintId → ComplaintState. */
    public static final String COMPLAINTS = "complaint-register";
    /** officeId|yyyy-MM-dd|departmentId ("" for none) → ComplaintDayState of the items registered that day. */
    public static final String COMPLAINT_DAYS = "complaint-stats-by-day";
    /** Deadline index (C1) of open complaints: "soon:" or "due:" + complaintId. */
    public static final String COMPLAINT_DEADLINES = "complaint-deadlines";
    /** Window store of officeId|source|eventId seen recently. */
    public static final String COMPLAINT_EVENT_IDS = "complaint-seen-events";

    private CorrespondenceStores() {
    }
}
