package pl.okienko.dashboard.incidents;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

import pl.okienko.processors.incidents.IncidentView;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * Pushes the incident fragments (I1) to open pages over Server-Sent Events: the security console's
 * alert list and the office pages' incident panels. An alert must reach the console at once, so
 * one shared thread reads the incident store every {@link #PERIOD} (a scan of the few open
 * incidents) and renders a fragment only when what it shows has changed.
 */
@Component
public class IncidentUpdates implements SmartLifecycle {

    /** SSE event of the console's alert list. */
    public static final String CONSOLE_EVENT = "incident-alerts";
    /** SSE event of an office page's incident panel. */
    public static final String OFFICE_EVENT = "incidents";
    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(IncidentUpdates.class);

    private volatile boolean running;

    private final IncidentPanels panels;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Last data and HTML per watch; touched only by the scheduler's thread. */
    private final Map<Watch, Rendered> rendered = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "okienko-incident-updates");
        thread.setDaemon(true);
        return thread;
    });

    public IncidentUpdates(IncidentPanels panels) {
        this.panels = panels;
        scheduler.scheduleWithFixedDelay(this::safeTick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The console of someone who may see {@code offices} (empty = all offices). */
    public SseEmitter subscribeConsole(Optional<Set<String>> offices, Locale locale) {
        return subscribe(new Watch(true, offices.map(Set::copyOf).orElse(null), null, locale));
    }

    /** The incident panel of one office's page. */
    public SseEmitter subscribeOffice(String officeId, Locale locale) {
        return subscribe(new Watch(false, null, officeId, locale));
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private SseEmitter subscribe(Watch watch) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        if (!running) {
            // Stopping: nothing more will be pushed; the browser tries again against the next instance.
            emitter.complete();
            return emitter;
        }
        Subscriber subscriber = new Subscriber(watch, emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(subscriber));
        scheduler.execute(() -> push(watch, List.of(subscriber)));
        return emitter;
    }

    private void safeTick() {
        try {
            Map<Watch, List<Subscriber>> byWatch = subscribers.stream().collect(Collectors.groupingBy(s -> s.watch));
            rendered.keySet().retainAll(byWatch.keySet());
            byWatch.forEach(this::push);
        } catch (RuntimeException e) {
            // An uncaught exception would cancel the schedule and freeze every console.
            LOG.warn("Incident update round failed", e);
        }
    }

    private void push(Watch watch, List<Subscriber> group) {
        String html;
        try {
            html = render(watch);
        } catch (RuntimeException e) {
            // Views not queryable (Kafka Streams starting or rebalancing): pages keep what they show.
            LOG.debug("Cannot render incidents for {} now", watch, e);
            return;
        }
        group.forEach(subscriber -> subscriber.offer(html));
    }

    private String render(Watch watch) {
        Instant now = Instant.now();
        Object data = watch.console ? panels.consoleAlerts(Optional.ofNullable(watch.offices))
                : panels.officeView(watch.officeId, now);
        Rendered last = rendered.get(watch);
        if (last != null && Objects.equals(last.data, data)) {
            return last.html;
        }
        String html = data instanceof OfficeIncidentsView office ? panels.renderOffice(office, watch.locale, now)
                : panels.renderConsole(alerts(data), watch.locale, now);
        rendered.put(watch, new Rendered(data, html));
        return html;
    }

    @SuppressWarnings("unchecked")
    private static List<IncidentView> alerts(Object data) {
        return (List<IncidentView>) data;
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

    private record Watch(boolean console, Set<String> offices, String officeId, Locale locale) {
    }

    private record Rendered(Object data, String html) {
    }

    private final class Subscriber {
        final Watch watch;
        final SseEmitter emitter;
        /** Touched only by the scheduler's single thread. */
        private String lastSent;

        Subscriber(Watch watch, SseEmitter emitter) {
            this.watch = watch;
            this.emitter = emitter;
        }

        void offer(String html) {
            if (html.equals(lastSent)) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().name(watch.console ? CONSOLE_EVENT : OFFICE_EVENT).data(html));
                lastSent = html;
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(this);
            }
        }
    }
}
