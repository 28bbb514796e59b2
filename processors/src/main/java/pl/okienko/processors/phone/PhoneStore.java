package pl.okienko.processors.phone;

import pl.okienko.processors.common.TopologyStore;

/** The phone topology's state stores (T1–T4, I2), shared by the topology and the views. */
public enum PhoneStore implements TopologyStore {

    /** officeId|callId → CallState: inbound calls not yet complete. */
    CALLS,
    /** officeId|yyyy-MM-dd|lineId|HH (office-local date and hour of the offer) → PhoneCounts, kept for history. */
    STATS_BY_HOUR,
    /**
     * officeId|obligationId → CallbackState: every open callback obligation, and the met ones until
     * {@link PhoneConfig#metCallbackRetention()} has passed, for the callback lists and figures of past days.
     */
    CALLBACKS,
    /** officeId|number pseudonym → OpenCallbacks: the open obligations of one number. */
    CALLBACKS_OPEN,
    /**
     * officeId|number pseudonym → NumberTimeline: the number's missed calls, promises and meeting calls of
     * the late window, and of its open obligations, from which its obligations are decided ({@link CallbackTimeline}).
     */
    CALLBACK_TIMELINES,
    /** DeadlineIndex of open obligations by due time, for the wall-clock CALLBACK_OVERDUE check. */
    CALLBACK_DEADLINES,
    /** DeadlineIndex of met obligations by the time they may be forgotten ({@link Obligation#forgetAt}). */
    CALLBACKS_FORGET,
    /**
     * officeId|dueDate → ForgottenCallbacks: what the forgotten met obligations of each day counted, added
     * to those still kept, so a day's callback figures stay exact however long ago it was.
     */
    CALLBACKS_FORGOTTEN_BY_DAY,
    /** officeId|source|eventId seen recently ({@code EventIds}): a redelivered event counts once. */
    SEEN_EVENTS;

    @Override
    public String prefix() {
        return "phone";
    }
}
