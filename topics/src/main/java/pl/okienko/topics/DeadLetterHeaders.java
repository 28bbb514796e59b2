package pl.okienko.topics;

/** Header names on okienko.deadletter records: why the record failed and where it came from. */
public final class DeadLetterHeaders {

    /** A sentence saying what is wrong, e.g. "missing field ticketId". */
    public static final String REASON = "okienko.deadletter.reason";
    /** The topic the record was read from (or "api" for ingestion). */
    public static final String TOPIC = "okienko.deadletter.topic";
    public static final String PARTITION = "okienko.deadletter.partition";
    public static final String OFFSET = "okienko.deadletter.offset";
    /** The named processor that refused it. */
    public static final String PROCESSOR = "okienko.deadletter.processor";

    private DeadLetterHeaders() {
    }
}
