package pl.okienko.dashboard.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import pl.okienko.dashboard.platform.web.LiveStreams;

/**
 * Keeps open overview pages current (issue 14): every {@link #PERIOD} each watched overview is read and
 * rendered once, and sent only to the pages that show something else, so a new alert turns its office
 * red within a second while an unchanged overview sends nothing. The figures it shows change at most
 * once a minute of their own accord (waits are shown to the minute).
 */
@Component
public class OverviewUpdates extends LiveStreams<OverviewUpdates.Watch> {

    /** The SSE event name; the page's {@code sse-swap} listens for it. */
    public static final String EVENT = "overview";
    static final Duration PERIOD = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final String TEMPLATE = "overview/overview";
    static final String FRAGMENT = "tiles";

    private final RegionOverview overview;
    private final ITemplateEngine templates;

    public OverviewUpdates(RegionOverview overview, ITemplateEngine templates) {
        super("okienko-overview-updates", PERIOD, TIMEOUT);
        this.overview = overview;
        this.templates = templates;
    }

    /** Opens a stream of the overview of {@code visible} offices (empty: all) narrowed by {@code filter}, in {@code locale}. */
    public SseEmitter subscribe(Optional<Set<String>> visible, OverviewFilter filter, boolean kiosk, Locale locale) {
        return open(new Watch(visible, filter, kiosk, locale), EVENT);
    }

    @Override
    protected Optional<String> render(Watch watch) {
        return Optional.of(render(overview.read(watch.visible(), watch.filter(), Instant.now()), watch.kiosk(), watch.locale()));
    }

    /** The tiles of {@code view} in {@code locale}, on one line (an SSE data field holds no line break). */
    String render(Overview view, boolean kiosk, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("overview", view);
        context.setVariable("kiosk", kiosk);
        String html = templates.process(TEMPLATE, Set.of(FRAGMENT), context);
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** One overview: whose offices, narrowed how, for a wallboard or not, in which language. */
    record Watch(Optional<Set<String>> visible, OverviewFilter filter, boolean kiosk, Locale locale) {
    }
}
