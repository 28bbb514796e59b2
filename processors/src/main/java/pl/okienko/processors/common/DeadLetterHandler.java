package pl.okienko.processors.common;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.topics.Topics;

/**
 * Kafka Streams' own error paths, for what the topologies' decode step cannot catch (an exception
 * thrown while processing, a record that cannot be serialised): the source record that caused it goes
 * to {@code okienko.deadletter} with the reason, bounded like every dead letter ({@link DeadLetters#bounded}),
 * and the topology goes on with the next record. Store writes made before the exception are kept (Kafka
 * Streams does not roll back part of a record's processing). Transient broker errors are retried; a send the
 * broker refuses stops the application, which is restarted with back-off, because under exactly-once the
 * refused send has already doomed its transaction.
 */
public final class DeadLetterHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is the catalogue's
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(deadLetter(context, "cannot deserialise", exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(deadLetter(context, "processing failed", exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        // Under exactly-once a refused send has already made the transaction abortable: resuming would abort it
        // and replay the same record for ever, silently. Failing lets the application be restarted with back-off
        // and shown as down. Oversized state and out-of-window timestamps are prevented before they are sent
        // (AvroSerde's record limit, the topics' timestamp windows).
        LOG.error("Record {}-{}@{}: the broker refused what {} produced for {} ({}); the application stops and is "
                + "restarted", context.topic(), context.partition(), context.offset(), context.processorNodeId(),
                record.topic(), exception.toString());
        return ProductionExceptionHandler.Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(deadLetter(context,
                "cannot serialise the " + origin.name().toLowerCase() + " of a record for " + record.topic(), exception));
    }

    /** The source record of the failure as a bounded dead letter, with the reason and origin in headers. */
    static List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, String what, Exception exception) {
        String reason = what + ": " + exception.getClass().getSimpleName()
                + (exception.getMessage() == null ? "" : " " + exception.getMessage());
        LOG.warn("Record {}-{}@{} sent to {} by {}: {}", context.topic(), context.partition(), context.offset(),
                Topics.DEADLETTER.name(), context.processorNodeId(), reason);
        DeadLetters.Letter letter = DeadLetters.letter(reason, String.valueOf(context.processorNodeId()), context.topic(),
                context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue());
        return List.of(new ProducerRecord<>(Topics.DEADLETTER.name(), null, null, letter.key(), letter.value(),
                letter.headers()));
    }
}
