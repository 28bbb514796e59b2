package pl.okienko.dashboard.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.web.LiveStreams;

/**
 * Keeps open office pages current without polling: every {@link #PERIOD} each
 * watched office's live panel is rendered once per language and sent to the pages that show
 * something else ({@link LiveStreams}).
 */
@Component
public class LiveOfficeUpdates extends LiveStreams<LiveOfficeUpdates.Watch> {

    /** The SSE event name; the page's {@code sse-swap} listens for it. */
    public static final String EVENT = "queues";
    static final Duration PERIOD = Duration.ofSeconds(2);
    /** A stream ends after this long; the browser (htmx) then opens a new one. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final LivePanelRenderer renderer;

    public LiveOfficeUpdates(LivePanelRenderer renderer) {
        super("okienko-live-updates", PERIOD, TIMEOUT);
        this.renderer = renderer;
    }

    /** Opens a stream of the office's live panel in {@code locale}; the first event is sent at once. */
    public SseEmitter subscribe(String officeId, Locale locale) {
        return open(new Watch(officeId, locale), EVENT);
    }

    @Override
    protected Optional<String> render(Watch watch) {
        return renderer.render(watch.officeId(), watch.locale(), Instant.now());
    }

    /** One office's panel in one language. */
    record Watch(String officeId, Locale locale) {
    }
}
