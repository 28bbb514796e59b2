package pl.okienko.dashboard.incidents;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.incidents.IncidentViews;

/** The incidents' part of the day report (I1); the live incidents have a console of their own. */
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
}
