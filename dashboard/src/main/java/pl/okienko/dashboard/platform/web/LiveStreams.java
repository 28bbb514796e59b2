package pl.okienko.dashboard.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams that keep open pages current without polling. Each open page
 * holds one stream watching one thing ({@code W}: an office's panel in a language, a guard's console);
 * every period one thread renders each watched thing once and sends the HTML to the streams whose
 * page shows something else. Subclasses say how a watch is rendered.
 *
 * <p>The thread is owned here rather than published as a {@code ScheduledExecutorService} bean: such
 * a bean would silently replace Spring Boot's task scheduler for the rest of the application. The
 * streams end when the application stops, before the web server's graceful shutdown (a lower phase),
 * which would otherwise wait its whole timeout for these never-ending requests.
 *
 * @param <W> what a stream watches; equal watches are rendered once per round
 */
public abstract class LiveStreams<W> implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    /**
     * A woken round begins at least this long after the round before it began: a burst of changes (a topology
     * catching up after a restart) must not turn into back-to-back rounds, each of which may ask other instances.
     */
    private static final long WAKE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Duration timeout;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    /** A round asked for by {@link #wake()} and not begun yet: a burst of changes asks for one round. */
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile long lastRoundNanos = System.nanoTime() - WAKE_GAP_NANOS;
    private volatile boolean running;

    /**
     * @param threadName the name of the thread that renders and sends
     * @param period how often every watch is rendered again
     * @param timeout how long a stream lasts; the browser (htmx) then opens a new one
     */
    protected LiveStreams(String threadName, Duration period, Duration timeout) {
        this.timeout = timeout;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::safeTick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of {@code watch} whose events are named {@code event}; the first is sent at once. */
    protected final SseEmitter open(W watch, String event) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        if (!running) {
            // Stopping: nothing more will be pushed; the browser tries again against the next instance.
            emitter.complete();
            return emitter;
        }
        Stream stream = new Stream(watch, event, emitter);
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> {
            streams.remove(stream);
            emitter.complete();
        });
        emitter.onError(e -> streams.remove(stream));
        scheduler.execute(() -> push(watch, List.of(stream)));
        return emitter;
    }

    /**
     * The HTML of {@code watch} now, on the streams' thread; empty leaves the pages as they are.
     *
     * @throws RuntimeException when the views cannot be queried (Kafka Streams restoring or
     *     rebalancing): the pages keep what they show
     */
    protected abstract Optional<String> render(W watch);

    /**
     * Asks for a round now (or {@link #WAKE_GAP_NANOS} after the last one began), on top of the periodic ones, for a
     * change this instance has just seen; returns at once. Changes seen while the round waits to begin are in it.
     */
    protected final void wake() {
        if (running && !streams.isEmpty() && woken.compareAndSet(false, true)) {
            long delay = Math.max(0, lastRoundNanos + WAKE_GAP_NANOS - System.nanoTime());
            try {
                scheduler.schedule(() -> {
                    woken.set(false);
                    safeTick();
                }, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** Called on the streams' thread at every round with what the open streams watch, e.g. to trim a cache. */
    protected void watching(Set<W> watches) {
    }

    /** Open streams, for tests and metrics. */
    public int subscriberCount() {
        return streams.size();
    }

    private void safeTick() {
        lastRoundNanos = System.nanoTime();
        try {
            Map<W, List<Stream>> byWatch = streams.stream().collect(Collectors.groupingBy(stream -> stream.watch));
            watching(byWatch.keySet());
            byWatch.forEach(this::push);
        } catch (RuntimeException e) {
            // An uncaught exception would cancel the schedule and freeze every open page.
            LOG.warn("Live update round of {} failed", getClass().getSimpleName(), e);
        }
    }

    private void push(W watch, List<Stream> group) {
        Optional<String> html;
        try {
            html = render(watch);
        } catch (RuntimeException e) {
            LOG.debug("Cannot render {} now", watch, e);
            return;
        }
        html.ifPresent(fragment -> group.forEach(stream -> stream.offer(fragment)));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        streams.forEach(stream -> stream.emitter.complete());
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Stream {
        final W watch;
        final String event;
        final SseEmitter emitter;
        /** Touched only by the scheduler's single thread. */
        private String lastSent;

        Stream(W watch, String event, SseEmitter emitter) {
            this.watch = watch;
            this.event = event;
            this.emitter = emitter;
        }

        void offer(String html) {
            if (html.equals(lastSent)) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().name(event).data(html));
                lastSent = html;
            } catch (IOException | IllegalStateException e) {
                // The browser went away or the stream already ended; the container completes the request.
                streams.remove(this);
            }
        }
    }
}
