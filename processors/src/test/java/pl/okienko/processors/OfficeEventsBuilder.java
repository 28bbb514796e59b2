package pl.okienko.processors;

/** What every test builder of one office's events shares: the office, and eventIds numbered in order. */
public abstract class OfficeEventsBuilder {

    protected final String officeId;
    private int sequence;

    protected OfficeEventsBuilder(String officeId) {
        this.officeId = officeId;
    }

    /** The next eventId: {@code prefix-1}, {@code prefix-2}, ... */
    protected String nextEventId(String prefix) {
        return prefix + "-" + ++sequence;
    }
}
