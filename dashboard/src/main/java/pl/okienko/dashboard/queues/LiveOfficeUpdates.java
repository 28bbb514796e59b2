package pl.okienko.dashboard.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.web.LiveStreams;

/**
 * Keeps open office pages current (issue 14, push on change): every {@link #PERIOD} each watched
 * office's live panel is rendered once per language, and sent only to the pages whose panel differs
 * ({@link LiveStreams}), so a change in a store reaches the page within a second and an unchanged panel
 * sends nothing. While clients wait, their waits are running clocks: the panel then changes, and is
 * sent, once a second.
 */
@Component
public class LiveOfficeUpdates extends LiveStreams<LiveOfficeUpdates.Watch> {

    /** The SSE event name; the page's {@code sse-swap} listens for it. */
    public static final String EVENT = "queues";
    static final Duration PERIOD = Duration.ofMillis(500);
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
