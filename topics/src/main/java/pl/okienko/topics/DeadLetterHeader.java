package pl.okienko.topics;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of okienko.deadletter records: why the record failed and where it came from. Each header's name is
 * {@code okienko.deadletter.} and the constant's name in lower case with dots, e.g.
 * {@code okienko.deadletter.value.size}.
 */
public enum DeadLetterHeader {

    /** A sentence saying what is wrong, e.g. "missing field ticketId". */
    REASON,
    /** The topic the record was read from (or "api" for ingestion). */
    TOPIC,
    PARTITION,
    OFFSET,
    /** The named processor that refused it. */
    PROCESSOR,
    /** Present only when the value was cut to its head: the original value's size in bytes. */
    VALUE_SIZE,
    /** Present only when the value was cut to its head: SHA-256 of the original value, hex. */
    VALUE_SHA256,
    /** Present only when the key was cut to its head: the original key's size in bytes. */
    KEY_SIZE,
    /** Present only when the key was cut to its head: SHA-256 of the original key, hex. */
    KEY_SHA256;

    /** The header's name, e.g. {@code okienko.deadletter.reason}. */
    public String header() {
        return "okienko.deadletter." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** This header's (last) value in {@code headers} as text, or null when it is absent. */
    public String valueIn(Headers headers) {
        Header header = headers.lastHeader(header());
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
