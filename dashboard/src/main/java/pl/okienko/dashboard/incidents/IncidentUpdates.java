package pl.okienko.dashboard.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.web.LiveStreams;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * Pushes the incident fragments (I1) to open pages over Server-Sent Events: the security console's
 * alert list and the office pages' incident panels. An alert must reach the console at once: the incident
 * topology of this instance wakes the shared thread as soon as it has stored a change ({@link IncidentChanges}),
 * and the thread also reads the incident views every {@link #PERIOD} (a scan of the few open incidents), for what
 * other instances changed. A fragment is rendered only when what it shows has changed.
 */
@Component
public class IncidentUpdates extends LiveStreams<IncidentUpdates.Watch> {

    /** SSE event of the console's alert list. */
    public static final String CONSOLE_EVENT = "incident-alerts";
    /** SSE event of an office page's incident panel. */
    public static final String OFFICE_EVENT = "incidents";
    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final IncidentPanels panels;
    /** Last data and HTML per watch; touched only by the streams' thread. */
    private final Map<Watch, Rendered> rendered = new ConcurrentHashMap<>();

    public IncidentUpdates(IncidentPanels panels, IncidentChanges changes) {
        super("okienko-incident-updates", PERIOD, TIMEOUT);
        this.panels = panels;
        changes.subscribe(this::wake);
    }

    /** The console of someone who may see {@code offices} (empty = all offices). */
    public SseEmitter subscribeConsole(Optional<Set<String>> offices, Locale locale) {
        return open(new Watch(true, offices.map(Set::copyOf).orElse(null), null, locale), CONSOLE_EVENT);
    }

    /** The incident panel of one office's page. */
    public SseEmitter subscribeOffice(String officeId, Locale locale) {
        return open(new Watch(false, null, officeId, locale), OFFICE_EVENT);
    }

    @Override
    protected void watching(Set<Watch> watches) {
        rendered.keySet().retainAll(watches);
    }

    /** Renders a fragment only when what it shows has changed since the last round. */
    @Override
    protected Optional<String> render(Watch watch) {
        Instant now = Instant.now();
        Object data = watch.console ? panels.console(Optional.ofNullable(watch.offices), now)
                : panels.officeView(watch.officeId, now);
        Rendered last = rendered.get(watch);
        if (last != null && Objects.equals(last.data, data)) {
            return Optional.of(last.html);
        }
        String html = data instanceof OfficeIncidentsView office ? panels.renderOffice(office, watch.locale, now)
                : panels.renderConsole((IncidentViews.ConsoleView) data, watch.locale, now);
        rendered.put(watch, new Rendered(data, html));
        return Optional.of(html);
    }

    /** The console (of some offices, or all) or one office's panel, in one language. */
    record Watch(boolean console, Set<String> offices, String officeId, Locale locale) {
    }

    private record Rendered(Object data, String html) {
    }
}
