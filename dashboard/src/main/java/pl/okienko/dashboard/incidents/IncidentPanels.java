package pl.okienko.dashboard.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import pl.okienko.dashboard.platform.web.AlertSeverity;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.OfficeNames;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;
import pl.okienko.processors.stats.DurationStats;

/**
 * Renders the incident fragments (I1) outside any request, for their live updates: the security
 * console's alert list and the incidents panel of an office page. Both read the incident
 * topology's own store, the first place an alert exists, so the console hears of it soonest.
 */
@Component
public record IncidentPanels(ITemplateEngine templates, IncidentViews incidents, OfficeDirectory directory) {

    static final String CONSOLE_TEMPLATE = "incidents/alerts";
    static final String OFFICE_TEMPLATE = "incidents/panel";

    /** The console's data: its alerts and today's log, for the offices given (empty = all). */
    public IncidentViews.ConsoleView console(Optional<Set<String>> offices, Instant now) {
        return incidents.console(offices, now);
    }

    /** The office panel's data, without its reading time so that an unchanged office compares equal. */
    public OfficeIncidentsView officeView(String officeId, Instant now) {
        OfficeIncidentsView live = incidents.live(officeId, now);
        return new OfficeIncidentsView(live.officeId(), live.date(), null, live.open(), live.office(), live.desks());
    }

    public String renderConsole(IncidentViews.ConsoleView console, Locale locale, Instant now) {
        Map<String, Office> offices = directory.byId();
        Context context = new Context(locale);
        context.setVariable("console", console);
        context.setVariable("alerts", console.alerts());
        context.setVariable("offices", offices.values().stream().collect(Collectors.toMap(Office::getOfficeId, Office::getName)));
        context.setVariable("fmt", new IncidentDisplay(offices, now));
        return oneLine(templates.process(CONSOLE_TEMPLATE, Set.of("alerts"), context));
    }

    public String renderOffice(OfficeIncidentsView view, Locale locale, Instant now) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("figures", keyFigures(view));
        context.setVariable("fmt", new IncidentDisplay(directory.byId(), now));
        return oneLine(templates.process(OFFICE_TEMPLATE, Set.of("incidents"), context));
    }

    /**
     * Today's key figures of the office's incidents (I1): how many, the time to acknowledge and to
     * resolve them (mean / max, as m:ss), and how many were escalated to the police.
     */
    public static List<KeyFigure> keyFigures(OfficeIncidentsView view) {
        return List.of(
                KeyFigure.count("incidents.today", "incidents-today", view.office().incidents()),
                KeyFigure.of("incidents.timeToAcknowledge", "incidents-ack-time", meanAndMax(view.office().timeToAcknowledge())),
                KeyFigure.of("incidents.timeToResolve", null, meanAndMax(view.office().timeToResolve())),
                KeyFigure.count("incidents.police", null, view.office().policeEscalations()));
    }

    private static String meanAndMax(DurationStats times) {
        return minutesAndSeconds(times.meanSeconds()) + " / " + minutesAndSeconds(times.maxSeconds());
    }

    private static String minutesAndSeconds(Double seconds) {
        return seconds == null ? Display.NONE : minutesAndSeconds(Math.round(seconds));
    }

    /** Incident times and ages as m:ss, as the security console has always shown them (minutes past 59 too). */
    private static String minutesAndSeconds(long seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** An SSE data field cannot hold line breaks. */
    private static String oneLine(String html) {
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Formatting for the incident templates: times in the office's zone (the default one outside the directory), ages as m:ss. */
    public static final class IncidentDisplay {
        private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
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

        /** Hours and minutes in the office's zone, as the police step and the log's steps say them. */
        public String clock(Instant instant, String officeId) {
            if (instant == null) {
                return "—";
            }
            ZoneId zone = OfficeInfo.of(officeId, offices.get(officeId)).zone();
            return HOURS_MINUTES.format(instant.atZone(zone));
        }

        /** The directory's name of a desk, or null when the directory does not name it (then its id is shown). */
        public String deskName(String officeId, String deskId) {
            Office office = offices.get(officeId);
            if (office == null || deskId == null) {
                return null;
            }
            OfficeNames.Name name = OfficeNames.of(office).desk(deskId);
            return name.text().equals(deskId) ? null : name.text();
        }

        public String age(Instant since) {
            if (since == null) {
                return "—";
            }
            return minutesAndSeconds(Math.max(0, Duration.between(since, now).toSeconds()));
        }

        public long epochMillis(Instant instant) {
            return instant == null ? 0 : instant.toEpochMilli();
        }

        /** The severity of an incident's alert (issue 14): the highest there is, as on every other alert list. */
        public AlertSeverity incidentSeverity() {
            return AlertSeverity.of("INCIDENT", "I1");
        }
    }
}
