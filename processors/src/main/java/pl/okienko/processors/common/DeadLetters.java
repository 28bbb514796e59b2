package pl.okienko.processors.common;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;

import pl.okienko.topics.DeadLetterHeaders;

/**
 * Builds the records of okienko.deadletter: the failed record's original bytes, with the reason
 * and its origin (topic, partition, offset, processor) in headers, so it can be fixed and replayed.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static Record<byte[], byte[]> of(ProcessingContext context, String processor, String key, byte[] value,
            long timestamp, String reason) {
        Headers headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, reason);
        header(headers, DeadLetterHeaders.PROCESSOR, processor);
        context.recordMetadata().ifPresent(m -> {
            header(headers, DeadLetterHeaders.TOPIC, m.topic());
            header(headers, DeadLetterHeaders.PARTITION, String.valueOf(m.partition()));
            header(headers, DeadLetterHeaders.OFFSET, String.valueOf(m.offset()));
        });
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new Record<>(keyBytes, value, timestamp, headers);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
