package pl.okienko.dashboard.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.incidents.IncidentView;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * Renders the incident fragments (I1) outside any request, for their live updates: the security
 * console's alert list and the incidents panel of an office page. Both read the incident
 * topology's own store, the first place an alert exists, so the console hears of it soonest.
 */
@Component
public class IncidentPanels {

    static final String CONSOLE_TEMPLATE = "incidents/alerts";
    static final String OFFICE_TEMPLATE = "incidents/panel";

    private final ITemplateEngine templates;
    private final IncidentViews incidents;
    private final OfficeDirectory directory;

    public IncidentPanels(ITemplateEngine templates, IncidentViews incidents, OfficeDirectory directory) {
        this.templates = templates;
        this.incidents = incidents;
        this.directory = directory;
    }

    /** The console's data: what is on it now, for the offices given (empty = all). */
    public List<IncidentView> consoleAlerts(Optional<Set<String>> offices) {
        return incidents.consoleAlerts(offices);
    }

    /** The office panel's data, without its reading time so that an unchanged office compares equal. */
    public OfficeIncidentsView officeView(String officeId, Instant now) {
        OfficeIncidentsView live = incidents.live(officeId, now);
        return new OfficeIncidentsView(live.officeId(), live.date(), null, live.open(), live.office(), live.desks());
    }

    public String renderConsole(List<IncidentView> alerts, Locale locale, Instant now) {
        Map<String, Office> offices = directory.byId();
        Context context = new Context(locale);
        context.setVariable("alerts", alerts);
        context.setVariable("offices", offices.values().stream().collect(Collectors.toMap(Office::getOfficeId, Office::getName)));
        context.setVariable("fmt", new IncidentDisplay(offices, now));
        return oneLine(templates.process(CONSOLE_TEMPLATE, Set.of("alerts"), context));
    }

    public String renderOffice(OfficeIncidentsView view, Locale locale, Instant now) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("fmt", new IncidentDisplay(directory.byId(), now));
        return oneLine(templates.process(OFFICE_TEMPLATE, Set.of("incidents"), context));
    }

    /** An SSE data field cannot hold line breaks. */
    private static String oneLine(String html) {
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Formatting for the incident templates: times in the office's zone (the default one outside the directory), ages as m:ss. */
    public static final class IncidentDisplay {
        private final Map<String, Office> offices;
        private final Instant now;

        IncidentDisplay(Map<String, Office> offices, Instant now) {
            this.offices = offices;
            this.now = now;
        }

        public String time(Instant instant, String officeId) {
            if (instant == null) {
                return "—";
            }
            ZoneId zone = OfficeInfo.of(officeId, offices.get(officeId)).zone();
            return instant.atZone(zone).toLocalTime().withNano(0).toString();
        }

        public String age(Instant since) {
            if (since == null) {
                return "—";
            }
            long seconds = Math.max(0, Duration.between(since, now).toSeconds());
            return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
        }

        public long epochMillis(Instant instant) {
            return instant == null ? 0 : instant.toEpochMilli();
        }

        public String duration(Double seconds) {
            if (seconds == null) {
                return "—";
            }
            long s = Math.round(seconds);
            return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
        }
    }
}
