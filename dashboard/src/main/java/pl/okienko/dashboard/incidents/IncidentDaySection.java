package pl.okienko.dashboard.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * The incidents part of the day report (I1): variable {@code incidentsDay} (office and desks: by
 * level, panic buttons, time to acknowledge and to resolve, police escalations, re-raises), when
 * the day had any incident.
 */
@Component
public class IncidentDaySection implements DayReportSection {

    private final IncidentViews views;

    public IncidentDaySection(IncidentViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables) {
        OfficeIncidentsView day = views.day(officeId, date);
        if (day.office().incidents() > 0) {
            variables.put("incidentsDay", day);
        }
    }
}
