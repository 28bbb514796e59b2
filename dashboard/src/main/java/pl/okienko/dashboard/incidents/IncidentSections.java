package pl.okienko.dashboard.incidents;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.incidents.IncidentViews;

/** The incidents' part of the day report and of the region overview (I1); the live incidents have a console of their own. */
@Configuration(proxyBeanMethods = false)
public class IncidentSections {

    /**
     * The incidents part of the day report (I1): variable {@code incidentsDay} (office and desks: by
     * level, panic buttons, time to acknowledge and to resolve, police escalations, re-raises), when
     * the day had any incident.
     */
    @Bean
    DayReportSection incidentDaySection(IncidentViews views) {
        return DayReportSection.of("incidentsDay", (officeId, date, now) -> Optional.of(views.day(officeId, date)),
                day -> day.office().incidents() > 0);
    }

    /**
     * The incidents row of the region overview (I1): incidents open now, red while any is, and incidents
     * today. Every office can have an incident, so none shows "no data".
     */
    @Bean
    OverviewSection incidentsOverview(IncidentViews views) {
        return OverviewSection.of(Concern.INCIDENTS, (officeId, now) -> {
            var view = views.live(officeId, now);
            return List.of(
                    KeyFigure.count("overview.figure.open", null, view.open().size()).alertWhen(!view.open().isEmpty()),
                    KeyFigure.count("overview.figure.today", null, view.office().incidents()));
        });
    }
}
