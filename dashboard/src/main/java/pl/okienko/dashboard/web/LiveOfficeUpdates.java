package pl.okienko.dashboard.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps open office pages current without polling (DESIGN §1, §6): every open page holds one
 * Server-Sent Events stream; every {@link #PERIOD} one shared thread renders each watched office's
 * live panel once per language and sends it to the streams whose page shows something else.
 *
 * <p>The thread is owned here rather than published as a {@code ScheduledExecutorService} bean:
 * such a bean would silently replace Spring Boot's task scheduler for the rest of the application.
 */
@Component
public class LiveOfficeUpdates implements SmartLifecycle {

    /** The SSE event name; the page's {@code sse-swap} listens for it. */
    public static final String EVENT = "queues";
    static final Duration PERIOD = Duration.ofSeconds(2);
    /** A stream ends after this long; the browser (htmx) then opens a new one. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(LiveOfficeUpdates.class);

    private volatile boolean running;

    private final LivePanelRenderer renderer;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "okienko-live-updates");
        thread.setDaemon(true);
        return thread;
    });

    public LiveOfficeUpdates(LivePanelRenderer renderer) {
        this.renderer = renderer;
        scheduler.scheduleWithFixedDelay(this::safeTick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the office's live panel in {@code locale}; the first event is sent at once. */
    public SseEmitter subscribe(String officeId, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        if (!running) {
            // Stopping: nothing more will be pushed; the browser tries again against the next instance.
            emitter.complete();
            return emitter;
        }
        Subscriber subscriber = new Subscriber(officeId, locale, emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(subscriber));
        scheduler.execute(() -> push(officeId, locale, List.of(subscriber)));
        return emitter;
    }

    /** Open streams, for tests and metrics. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // An uncaught exception would cancel the schedule and freeze every open page.
            LOG.warn("Live update round failed", e);
        }
    }

    private void tick() {
        Map<Watch, List<Subscriber>> byWatch = subscribers.stream()
                .collect(Collectors.groupingBy(s -> new Watch(s.officeId, s.locale)));
        byWatch.forEach((watch, group) -> push(watch.officeId, watch.locale, group));
    }

    private void push(String officeId, Locale locale, List<Subscriber> group) {
        Optional<String> html;
        try {
            html = renderer.render(officeId, locale, Instant.now());
        } catch (RuntimeException e) {
            // Views not queryable (Kafka Streams restoring or rebalancing): the pages keep their last figures.
            LOG.debug("Cannot render the live panel of {} now", officeId, e);
            return;
        }
        html.ifPresent(panel -> group.forEach(subscriber -> subscriber.offer(panel)));
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the application stops, before the web server's graceful shutdown (a lower
     * phase), which would otherwise wait its whole timeout for these never-ending requests.
     */
    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Watch(String officeId, Locale locale) {
    }

    private final class Subscriber {
        final String officeId;
        final Locale locale;
        final SseEmitter emitter;
        /** Touched only by the scheduler's single thread. */
        private String lastSent;

        Subscriber(String officeId, Locale locale, SseEmitter emitter) {
            this.officeId = officeId;
            this.locale = locale;
            this.emitter = emitter;
        }

        void offer(String html) {
            if (html.equals(lastSent)) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().name(EVENT).data(html));
                lastSent = html;
            } catch (IOException | IllegalStateException e) {
                // The browser went away or the stream already ended; the container completes the request.
                drop(this);
            }
        }
    }
}
