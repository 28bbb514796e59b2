package pl.okienko.dashboard.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.topics.TopicSpec;

/**
 * Writes batches of records to the catalogue's topics, each batch all or nothing in a Kafka transaction, so that
 * an ingested NDJSON batch or a directory change is either wholly visible to read_committed readers or not at all.
 * One transactional producer is shared, and one transaction is open at a time.
 *
 * <p>Batches that arrive while a transaction commits wait together and go into the next one (group commit): a
 * single event from a panic button waits for at most one commit in progress and its own, not behind every batch
 * queued before it, and many senders cost one commit instead of one each. When a shared transaction fails, each
 * of its batches is written again alone, so that one batch the broker refuses fails only its own request.
 */
public class RecordPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Records in one shared transaction at most; what waits beyond goes into the next one. */
    private static final int GROUP_RECORDS = 10_000;

    private final Map<String, Object> config;
    /** Batches waiting for a transaction, in arrival order. */
    private final Queue<Batch> waiting = new ConcurrentLinkedQueue<>();
    /** Guarded by this publisher's lock, as are the batches' outcomes. */
    private Producer<String, byte[]> producer;

    /** One caller's batch and, once written, its outcome. */
    private static final class Batch {
        final List<ProducerRecord<String, byte[]>> records;
        boolean written;
        PublishException failure;

        Batch(List<ProducerRecord<String, byte[]>> records) {
            this.records = records;
        }
    }

    /**
     * @param transactionalId the same for this instance from run to run, so that its first transaction after a
     *     restart fences the producer of the run before and ends what that one left open
     */
    public RecordPublisher(KafkaCluster cluster, String transactionalId) {
        this(cluster.clientConfig(), transactionalId);
    }

    RecordPublisher(Map<String, Object> clientConfig, String transactionalId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.config = Map.copyOf(config);
    }

    /** A record for {@code spec}'s topic, the value encoded with the topic's serde; a null value is a tombstone. */
    public static <V> ProducerRecord<String, byte[]> record(TopicSpec<String, V> spec, String key, V value, Instant timestamp) {
        byte[] bytes = value == null ? null : spec.valueSerde().serializer().serialize(spec.name(), value);
        return new ProducerRecord<>(spec.name(), null, timestamp == null ? null : timestamp.toEpochMilli(), key, bytes);
    }

    /**
     * Writes every record in one transaction, possibly shared with other callers' batches, and waits until it is
     * committed.
     *
     * @throws PublishException if the batch could not be committed; then nothing of it is visible
     */
    public void publish(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        Batch mine = new Batch(records);
        waiting.add(mine);
        synchronized (this) {
            // whoever holds the lock writes everything waiting, this caller's batch included unless an earlier
            // holder already took it into its transaction
            while (!mine.written) {
                writeWaiting();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void writeWaiting() {
        List<Batch> group = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Batch next = waiting.peek(); next != null && (group.isEmpty() || records.size() + next.records.size()
                <= GROUP_RECORDS); next = waiting.peek()) {
            waiting.remove();
            group.add(next);
            records.addAll(next.records);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            if (group.size() == 1) {
                writeAlone(group.get(0));
                return;
            }
            try {
                transaction(records);
                group.forEach(batch -> batch.written = true);
            } catch (RuntimeException e) {
                LOG.debug("A transaction of {} batches failed; writing each alone", group.size(), e);
                group.forEach(this::writeAlone);
            }
        } finally {
            // taken from the queue, so no one else will write them: whatever went wrong, each caller gets an answer
            for (Batch batch : group) {
                if (!batch.written) {
                    batch.failure = new PublishException("the transaction was interrupted by an error", null);
                    batch.written = true;
                }
            }
        }
    }

    private void writeAlone(Batch batch) {
        try {
            transaction(batch.records);
        } catch (PublishException e) {
            batch.failure = e;
        } catch (RuntimeException e) {
            batch.failure = new PublishException("could not write to Kafka: " + e.getMessage(), e);
        }
        batch.written = true;
    }

    /** Writes the records in one transaction and waits until it is committed. */
    private void transaction(List<ProducerRecord<String, byte[]>> records) {
        Producer<String, byte[]> current = producer();
        try {
            current.beginTransaction();
            List<Future<RecordMetadata>> sent = records.stream().map(current::send).toList();
            current.commitTransaction();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // The producer cannot continue after these: drop it; the next batch starts a fresh one.
            discardProducer();
            throw new PublishException("Kafka refused the transaction: " + e.getMessage(), e);
        } catch (KafkaException e) {
            abort(current);
            throw failure(e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while writing to Kafka", e);
        }
    }

    /** A refusal that no retry can change becomes a {@link RefusedException}; anything else may pass if tried again. */
    private static PublishException failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTimestampException || cause instanceof RecordTooLargeException) {
                return new RefusedException("Kafka refused a record for good (" + cause.getClass().getSimpleName() + ": "
                        + cause.getMessage() + ")", cause);
            }
        }
        return new PublishException("could not write to Kafka: " + e.getMessage(), e);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(config);
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw new PublishException("could not start a Kafka transaction: " + e.getMessage(), e);
            }
            producer = created;
        }
        return producer;
    }

    private void abort(Producer<String, byte[]> current) {
        try {
            current.abortTransaction();
        } catch (KafkaException e) {
            LOG.warn("Could not abort a Kafka transaction; starting a new producer", e);
            discardProducer();
        }
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }

    /** A batch could not be written; none of its records is visible to read_committed readers. */
    public static class PublishException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The broker refused a record of the batch for a reason that sending it again cannot change (a timestamp
     * outside the topic's window, a record over its size limit). The ingestion contract is meant to refuse
     * such input first; this is the safety net for a topic configured differently from the catalogue.
     */
    public static class RefusedException extends PublishException {

        private static final long serialVersionUID = 1L;

        public RefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
