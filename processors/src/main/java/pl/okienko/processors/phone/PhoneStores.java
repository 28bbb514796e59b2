package pl.okienko.processors.phone;

/** Names of the phone topology's state stores, shared by the topology and the views. */
public final class PhoneStores {

    /** officeId|callId → CallState: inbound calls not yet complete. */
    public static final String CALLS = "phone-calls";
    /** officeId|yyyy-MM-dd|lineId|HH (office-local date and hour of the offer) → PhoneCounts, kept for history. */
    public static final String STATS_BY_HOUR = "phone-stats-by-hour";
    /**
     * officeId|obligationId → CallbackState: every open callback obligation, and the met ones until
     * {@link PhoneConfig#metCallbackRetention()} has passed, for the callback lists and figures of past days.
     */
    public static final String CALLBACKS = "phone-callbacks";
    /** officeId|number pseudonym → OpenCallbacks: the open obligations of one number. */
    public static final String OPEN_BY_NUMBER = "phone-callbacks-open";
    /**
     * officeId|number pseudonym → NumberTimeline: the number's missed calls, promises and meeting calls of
     * the late window, and of its open obligations, from which its obligations are decided ({@link CallbackTimeline}).
     */
    public static final String TIMELINES = "phone-callback-timelines";
    /** DeadlineIndex of open obligations by due time, for the wall-clock CALLBACK_OVERDUE check. */
    public static final String DEADLINES = "phone-callback-deadlines";
    /** DeadlineIndex of met obligations by the time they may be forgotten ({@link Obligation#forgetAt}). */
    public static final String FORGET_MET = "phone-callbacks-forget";
    /**
     * officeId|dueDate → ForgottenCallbacks: what the forgotten met obligations of each day counted, added
     * to those still kept, so a day's callback figures stay exact however long ago it was.
     */
    public static final String FORGOTTEN_BY_DAY = "phone-callbacks-forgotten-by-day";
    /** Window store of officeId|source|eventId seen recently: a redelivered event counts once. */
    public static final String EVENT_IDS = "phone-seen-events";

    /** Line part of the keys for outbound calls that name no line. */
    public static final String NO_LINE = "-";

    private PhoneStores() {
    }
}
