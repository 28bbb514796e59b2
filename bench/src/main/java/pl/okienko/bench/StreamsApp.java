package pl.okienko.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

import pl.okienko.processors.common.StreamsSettings;

/**
 * One Kafka Streams application of the benchmark, configured exactly as Okienko's topologies are
 * ({@link StreamsSettings}: exactly_once_v2, 100 ms commit interval), with its own application id
 * and state directory. Remembers when it first reached RUNNING, which is where throughput is
 * measured from: joining the group and creating internal topics are not processing.
 */
final class StreamsApp implements AutoCloseable {

    final String applicationId;
    final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long runningAtNanos;
    private final long startedAtNanos;

    private StreamsApp(String applicationId, Topology topology, String bootstrapServers, Path stateRoot,
            Map<String, Object> overrides) {
        this.applicationId = applicationId;
        this.streams = new KafkaStreams(topology,
                StreamsSettings.properties(applicationId, bootstrapServers, stateRoot.resolve(applicationId), overrides));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
                runningAtNanos = System.nanoTime();
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            running.countDown();
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.startedAtNanos = System.nanoTime();
        streams.start();
    }

    static StreamsApp start(String applicationId, Topology topology, String bootstrapServers, Path stateRoot) {
        return start(applicationId, topology, bootstrapServers, stateRoot, 1);
    }

    /** With {@code threads} stream threads. */
    static StreamsApp start(String applicationId, Topology topology, String bootstrapServers, Path stateRoot, int threads) {
        return new StreamsApp(applicationId, topology, bootstrapServers, stateRoot,
                Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads));
    }

    /** Waits for the first RUNNING state; throws if the application failed or did not get there. */
    StreamsApp awaitRunning(Duration timeout) throws InterruptedException {
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(applicationId + " did not reach RUNNING within " + timeout);
        }
        checkHealthy();
        return this;
    }

    void checkHealthy() {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException(applicationId + " failed", e);
        }
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException(applicationId + " is in state " + state);
        }
    }

    /** Whether it has reached RUNNING; without waiting. */
    boolean isRunning() {
        return running.getCount() == 0 && failure.get() == null;
    }

    long runningAtNanos() {
        return runningAtNanos;
    }

    /** From start() to RUNNING: joining the group, creating internal topics, restoring global stores. */
    Duration startup() {
        return Duration.ofNanos(runningAtNanos - startedAtNanos);
    }

    /** Closes it leaving its group, so that the group can be deleted at once ({@link Cluster#forget}). */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
