package pl.okienko.processors.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;

import pl.okienko.topics.DeadLetterHeader;

/**
 * Builds the records of okienko.deadletter: the failed record's original bytes, with the reason
 * and its origin (topic, partition, offset, processor) in headers, so it can be fixed and replayed.
 *
 * <p>A dead letter is itself bounded: a key or value larger than {@link #MAX_KEEP} bytes is cut to its
 * first {@link #MAX_KEEP} bytes, and headers carry the original's size and SHA-256, so that writing
 * the dead letter of a huge record can never fail and stop the topology that refused it. The
 * original stays on its own topic at the offset given.
 */
public final class DeadLetters {

    /** Bytes of a key or value kept in a dead letter: well under any broker's record limit. */
    public static final int MAX_KEEP = 64 * 1024;
    private static final int MAX_REASON_CHARS = 1024;

    private DeadLetters() {
    }

    public static Record<byte[], byte[]> of(ProcessingContext context, String processor, String key, byte[] value,
            long timestamp, String reason) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        Letter letter = context.recordMetadata()
                .map(m -> letter(reason, processor, m.topic(), m.partition(), m.offset(), keyBytes, value))
                .orElseGet(() -> letter(reason, processor, null, -1, -1, keyBytes, value));
        return new Record<>(letter.key(), letter.value(), timestamp, letter.headers());
    }

    /** A dead letter's bounded key and value and its headers, however the failure was caught. */
    record Letter(byte[] key, byte[] value, Headers headers) {
    }

    /**
     * The dead letter of a record read at {@code topic}/{@code partition}/{@code offset} ({@code topic} null when
     * the origin is unknown): the reason (cut to {@value #MAX_REASON_CHARS} characters), the processor, the origin,
     * and the key and value {@link #bounded}.
     */
    static Letter letter(String reason, String processor, String topic, int partition, long offset, byte[] key,
            byte[] value) {
        Headers headers = new RecordHeaders();
        header(headers, DeadLetterHeader.REASON, reason.length() > MAX_REASON_CHARS
                ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason);
        header(headers, DeadLetterHeader.PROCESSOR, processor);
        if (topic != null) {
            header(headers, DeadLetterHeader.TOPIC, topic);
            header(headers, DeadLetterHeader.PARTITION, String.valueOf(partition));
            header(headers, DeadLetterHeader.OFFSET, String.valueOf(offset));
        }
        return new Letter(bounded(key, headers, DeadLetterHeader.KEY_SIZE, DeadLetterHeader.KEY_SHA256),
                bounded(value, headers, DeadLetterHeader.VALUE_SIZE, DeadLetterHeader.VALUE_SHA256), headers);
    }

    /** The bytes themselves when small enough, else their head, with the original's size and digest in headers. */
    static byte[] bounded(byte[] bytes, Headers headers, DeadLetterHeader sizeHeader, DeadLetterHeader digestHeader) {
        if (bytes == null || bytes.length <= MAX_KEEP) {
            return bytes;
        }
        header(headers, sizeHeader, String.valueOf(bytes.length));
        header(headers, digestHeader, sha256(bytes));
        return Arrays.copyOf(bytes, MAX_KEEP);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void header(Headers headers, DeadLetterHeader header, String value) {
        headers.add(header.header(), value.getBytes(StandardCharsets.UTF_8));
    }
}
