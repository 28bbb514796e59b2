package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.QueueViews;

/**
 * Renders the live panel of an office page (Q1 measures, Q2 alerts) outside any request, in a given
 * language, for the live updates. The page itself includes the same fragment, so both always agree.
 */
@Component
public class LivePanelRenderer {

    /** The template of the live office page. */
    static final String TEMPLATE = "queues/panel";
    /** Its fragment that live updates replace. */
    static final String FRAGMENT = "panel";

    private static final Display DISPLAY = new Display();
    private static final Logger LOG = LoggerFactory.getLogger(LivePanelRenderer.class);

    private final ITemplateEngine templates;
    private final QueueViews views;
    private final List<LivePanelSection> sections;

    public LivePanelRenderer(ITemplateEngine templates, QueueViews views) {
        this(templates, views, List.of());
    }

    public LivePanelRenderer(ITemplateEngine templates, QueueViews views, List<LivePanelSection> sections) {
        this.templates = templates;
        this.views = views;
        this.sections = List.copyOf(sections);
    }

    @Autowired
    public LivePanelRenderer(ITemplateEngine templates, QueueViews views, ObjectProvider<LivePanelSection> sections) {
        this(templates, views, sections.orderedStream().toList());
    }

    /**
     * @return the panel's HTML on one line (an SSE data field cannot hold line breaks), or empty when
     *     the office has no view
     */
    public Optional<String> render(String officeId, Locale locale, Instant now) {
        return views.live(officeId, now).map(view -> render(view, locale, sectionVariables(officeId, now)));
    }

    /**
     * The variables of the other sections of the panel ({@link LivePanelSection}); a section whose
     * views cannot be read now (its Kafka Streams application restoring) is left out, so the rest of
     * the panel stays live.
     */
    public Map<String, Object> sectionVariables(String officeId, Instant now) {
        Map<String, Object> variables = new HashMap<>();
        for (LivePanelSection section : sections) {
            try {
                section.addTo(officeId, now, variables);
            } catch (RuntimeException e) {
                LOG.debug("Section {} of the live panel of {} not available now", section.getClass().getSimpleName(),
                        officeId, e);
            }
        }
        return variables;
    }

    /**
     * The panel's own variables, for the page and the live updates alike: {@code view}, the office's
     * live queues, and {@code officeFigures}, the whole office's {@link #keyFigures key figures}.
     */
    public static Map<String, Object> panelVariables(OfficeQueuesView view) {
        return Map.of("view", view, "officeFigures", keyFigures(view.office()));
    }

    /** The whole office's key figures (Q1): waiting now, the longest wait, desks open, served in the last hour. */
    public static List<KeyFigure> keyFigures(QueueLiveView office) {
        return List.of(
                KeyFigure.count("measure.waitingNow", "office-waiting", office.waitingNow()),
                KeyFigure.of("measure.longestWait", "office-longest-wait", DISPLAY.clock(office.longestWaitSeconds())),
                KeyFigure.count("measure.desksOpen", "office-desks-open", office.desksOpen()),
                KeyFigure.count("measure.servedLastHour", "office-served-last-hour", office.servedLastHour()));
    }

    /** The panel of {@code view} in {@code locale}, on one line. */
    public String render(OfficeQueuesView view, Locale locale) {
        return render(view, locale, Map.of());
    }

    /** The panel of {@code view} with the other sections' {@code variables}, in {@code locale}, on one line. */
    public String render(OfficeQueuesView view, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariables(panelVariables(view));
        context.setVariable("fmt", DISPLAY);
        String html = templates.process(TEMPLATE, Set.of(FRAGMENT), context);
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
