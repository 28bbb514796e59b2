package pl.okienko.dashboard.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueViews;

/**
 * Renders the live panel of an office page (Q1 measures, Q2 alerts) outside any request, in a given
 * language, for the live updates. The page itself includes the same fragment, so both always agree.
 */
@Component
public class LivePanelRenderer {

    /** The template of the live office page. */
    static final String TEMPLATE = "offices/panel";
    /** Its fragment that live updates replace. */
    static final String FRAGMENT = "panel";

    private static final Display DISPLAY = new Display();

    private final ITemplateEngine templates;
    private final QueueViews views;

    public LivePanelRenderer(ITemplateEngine templates, QueueViews views) {
        this.templates = templates;
        this.views = views;
    }

    /**
     * @return the panel's HTML on one line (an SSE data field cannot hold line breaks), or empty when
     *     the office has no view
     */
    public Optional<String> render(String officeId, Locale locale, Instant now) {
        return views.live(officeId, now).map(view -> render(view, locale));
    }

    /** The panel of {@code view} in {@code locale}, on one line. */
    public String render(OfficeQueuesView view, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("fmt", DISPLAY);
        String html = templates.process(TEMPLATE, Set.of(FRAGMENT), context);
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
