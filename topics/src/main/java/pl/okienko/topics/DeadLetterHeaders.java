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
    /** Present only when the value was cut to its head: the original value's size in bytes. */
    public static final String VALUE_SIZE = "okienko.deadletter.value.size";
    /** Present only when the value was cut to its head: SHA-256 of the original value, hex. */
    public static final String VALUE_SHA256 = "okienko.deadletter.value.sha256";
    /** Present only when the key was cut to its head: the original key's size in bytes. */
    public static final String KEY_SIZE = "okienko.deadletter.key.size";
    /** Present only when the key was cut to its head: SHA-256 of the original key, hex. */
    public static final String KEY_SHA256 = "okienko.deadletter.key.sha256";

    private DeadLetterHeaders() {
    }
}
