package pl.okienko.dashboard.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Says how much local state an application read from its changelog topics: each active store partition's restore
 * is logged with its record count and time, and the records are counted in the meter {@value #METER} (tags
 * {@code okienko.application} and {@code copy}: {@code active} for a restore, {@code standby} for what a standby or
 * warm-up copy loaded, which is how Kafka Streams rebuilds an instance's state while others serve its offices). An
 * operator sees from it whether a restarted instance took its state from disk (a clean stop: only what changed
 * meanwhile) or rebuilt it all (an unclean stop).
 */
final class StateRestoreReport implements StateRestoreListener, StandbyUpdateListener {

    static final String METER = "okienko.streams.restored.records";

    private static final Logger LOG = LoggerFactory.getLogger(StateRestoreReport.class);

    private final String applicationId;
    private final Counter restored;
    private final Counter standbyLoaded;
    /** Start time of each store partition's restore in progress, for its log line. */
    private final Map<TopicPartition, Long> startedAt = new ConcurrentHashMap<>();

    StateRestoreReport(String applicationId, MeterRegistry registry) {
        this.applicationId = applicationId;
        this.restored = counter(registry, "active");
        this.standbyLoaded = counter(registry, "standby");
    }

    private Counter counter(MeterRegistry registry, String copy) {
        return Counter.builder(METER)
                .description("Records of local state read from the changelog topics since the start")
                .tag("okienko.application", applicationId)
                .tag("copy", copy)
                .register(registry);
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        startedAt.put(partition, System.nanoTime());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        restored.increment(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        Long start = startedAt.remove(partition);
        long millis = start == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info("Kafka Streams {}: restored {} records of store {} ({}) in {} ms", applicationId, totalRestored,
                storeName, partition, millis);
    }

    @Override
    public void onUpdateStart(TopicPartition partition, String storeName, long startingOffset) {
        LOG.debug("Kafka Streams {}: standby copy of store {} ({}) loads from offset {}", applicationId, storeName,
                partition, startingOffset);
    }

    @Override
    public void onBatchLoaded(TopicPartition partition, String storeName, TaskId taskId, long batchEndOffset,
            long batchSize, long currentEndOffset) {
        standbyLoaded.increment(batchSize);
    }

    @Override
    public void onUpdateSuspended(TopicPartition partition, String storeName, long storeOffset, long currentEndOffset,
            SuspendReason reason) {
        LOG.debug("Kafka Streams {}: standby copy of store {} ({}) stopped at offset {} of {} ({})", applicationId,
                storeName, partition, storeOffset, currentEndOffset, reason);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        startedAt.remove(partition);
        LOG.info("Kafka Streams {}: restore of store {} ({}) suspended after {} records; the partition moved to "
                + "another instance", applicationId, storeName, partition, totalRestored);
    }
}
