package pl.okienko.dashboard.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One concern's Kafka Streams application, kept running: when it fails for good (state ERROR), it is
 * closed and a new instance of the same topology is started after a back-off ({@link BackOffs#doubling}), so
 * one cause that outlives a restart neither stops the concern for good nor spins. Exactly-once processing
 * makes the restart lose and repeat nothing: what was not committed is processed again. Health and
 * ingestion ask {@link #down()} and {@link #lastFailure()}.
 */
public final class SupervisedStreams {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** Why the application failed, when, how many restarts so far, and when the next one is due (null if none). */
    public record Failure(String reason, Instant at, int restarts, Instant nextRestartAt) {
    }

    private final String applicationId;
    private final Supplier<KafkaStreams> factory;
    private final ScheduledExecutorService scheduler;
    private final BackOff backOff;
    private final Clock clock;
    private final Consumer<KafkaStreams> onStart;
    private volatile KafkaStreams current;
    private volatile Failure failure;
    private volatile boolean stopping;
    private int consecutiveFailures;
    /** The waits of the failures in a row; started by the first, ended once the application runs again. */
    private BackOffExecution backOffs;
    private ScheduledFuture<?> pendingRestart;

    /**
     * @param factory makes a new, not yet started instance of the application's topology
     * @param backOff the waits before restarts; it must never give up ({@link BackOffs#doubling} does not)
     * @param onStart called with every instance just before it starts (metrics binding)
     */
    public SupervisedStreams(String applicationId, Supplier<KafkaStreams> factory, ScheduledExecutorService scheduler,
            BackOff backOff, Clock clock, Consumer<KafkaStreams> onStart) {
        this.applicationId = applicationId;
        this.factory = factory;
        this.scheduler = scheduler;
        this.backOff = backOff;
        this.clock = clock;
        this.onStart = onStart;
        this.current = create();
    }

    public String applicationId() {
        return applicationId;
    }

    /** The instance in use now; a restart replaces it, so callers must not keep it. */
    public KafkaStreams current() {
        return current;
    }

    /** Starts the first instance. */
    public synchronized void start(Consumer<KafkaStreams> starter) {
        onStart.accept(current);
        starter.accept(current);
    }

    /** True while the application cannot process: failed, or waiting for its restart. */
    public boolean down() {
        State state = current.state();
        return state == State.ERROR || state == State.PENDING_ERROR || failure != null && failure.nextRestartAt() != null;
    }

    /** The last failure, while the application has not run again since. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(failure);
    }

    private KafkaStreams create() {
        KafkaStreams streams = factory.get();
        streams.setStateListener((next, previous) -> {
            LOG.info("Kafka Streams {}: {} -> {}", applicationId, previous, next);
            if (next == State.ERROR) {
                scheduleRestart(streams);
            } else if (next == State.RUNNING && streams == current) {
                recovered();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            String reason = describe(e);
            LOG.error("Kafka Streams {} stopped on an unexpected error; it is restarted after a back-off", applicationId, e);
            synchronized (this) {
                failure = new Failure(reason, clock.instant(), failure == null ? 0 : failure.restarts(), null);
            }
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        return streams;
    }

    /** The error and its root cause, which usually says what went wrong. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? text : text + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private synchronized void recovered() {
        if (failure != null) {
            LOG.info("Kafka Streams {} runs again after {} restart(s)", applicationId, failure.restarts());
        }
        // Counted down only once it runs: a cause that kills it at once keeps doubling the back-off.
        failure = null;
        consecutiveFailures = 0;
        backOffs = null;
    }

    private synchronized void scheduleRestart(KafkaStreams failed) {
        if (stopping || failed != current || pendingRestart != null) {
            return;
        }
        consecutiveFailures++;
        if (backOffs == null) {
            backOffs = backOff.start();
        }
        Duration backoff = Duration.ofMillis(backOffs.nextBackOff());
        Failure known = failure == null ? new Failure("the application entered state ERROR", clock.instant(), 0, null) : failure;
        failure = new Failure(known.reason(), known.at(), known.restarts(), clock.instant().plus(backoff));
        LOG.warn("Kafka Streams {} restarts in {} (failure {} in a row: {})", applicationId, backoff, consecutiveFailures,
                known.reason());
        pendingRestart = scheduler.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        KafkaStreams old;
        synchronized (this) {
            pendingRestart = null;
            if (stopping) {
                return;
            }
            old = current;
        }
        // Closing waits for the failed instance's threads; never from one of them, hence the scheduler.
        boolean closed = old.close(CLOSE_TIMEOUT);
        synchronized (this) {
            if (stopping) {
                return;
            }
            if (!closed) {
                // Its threads may still hold the state directory and the group membership: try again later.
                LOG.warn("Kafka Streams {}: the failed instance did not close within {}", applicationId, CLOSE_TIMEOUT);
                scheduleRestart(old);
                return;
            }
            KafkaStreams next = create();
            current = next;
            if (failure != null) {
                failure = new Failure(failure.reason(), failure.at(), failure.restarts() + 1, null);
            }
            onStart.accept(next);
            try {
                next.start();
            } catch (RuntimeException e) {
                LOG.error("Kafka Streams {} could not be restarted", applicationId, e);
                failure = new Failure(describe(e), clock.instant(),
                        failure == null ? 1 : failure.restarts(), null);
                scheduleRestart(next);
            }
        }
    }

    /**
     * Stops supervising and closes the current instance.
     *
     * @return whether it closed within the timeout and stopped cleanly (NOT_RUNNING)
     */
    public boolean close() {
        synchronized (this) {
            stopping = true;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
        }
        KafkaStreams streams = current;
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("Kafka Streams {} did not close within {}", applicationId, CLOSE_TIMEOUT);
            return false;
        }
        return streams.state() == State.NOT_RUNNING && failure == null;
    }
}
