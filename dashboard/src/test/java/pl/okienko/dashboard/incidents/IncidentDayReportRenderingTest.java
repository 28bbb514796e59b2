package pl.okienko.dashboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.DayReportPage.DAY;
import static pl.okienko.dashboard.queues.DayReportPage.cells;
import static pl.okienko.dashboard.queues.DayReportPage.polish;
import static pl.okienko.dashboard.queues.DayReportPage.render;
import static pl.okienko.dashboard.queues.DayReportPage.section;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.incidents.IncidentDayStats;
import pl.okienko.processors.incidents.OfficeIncidentsView;
import pl.okienko.processors.stats.DurationStats;

/** The day report's incidents part (I1): by level, panic buttons, police, re-raises and times, per office and desk. */
class IncidentDayReportRenderingTest {

    @Test
    void shouldShowTheDaysIncidentsByLevelPerOfficeAndDesk() {
        String html = render(Locale.ENGLISH, section("incidentsDay", incidents()));

        assertThat(html).contains("Incidents (I1)", "Level 4", "Panic buttons", "Escalated to the police");
        assertThat(cells(html, "day-incidents-office")).containsExactly("Whole office", "3", "1", "1", "0", "1", "1",
                "1", "2");
        assertThat(cells(html, "day-incidents-desk-D4")).containsExactly("desk D4", "2", "0", "1", "0", "1", "0", "1",
                "1");
    }

    @Test
    void shouldShowTheTimesToAcknowledgeAndResolve() {
        String html = render(Locale.ENGLISH, section("incidentsDay", incidents()));

        assertThat(html).contains("Time to acknowledge (I1)", "Time to resolve (I1)");
        assertThat(cells(html, "day-incident-times-office")).containsExactly("Whole office", "3", "40 s", "35 s",
                "1:10 min", "1:10 min", "2", "5:00 min", "4:50 min", "9:30 min", "9:30 min");
        assertThat(cells(html, "day-incident-times-desk-D4")).startsWith("desk D4", "2", "50 s");
    }

    @Test
    void shouldSpeakPolish() {
        String html = render(polish(), section("incidentsDay", incidents()));

        assertThat(html).contains("Incydenty (I1)", "Poziom 4", "Przyciski napadowe", "Czas do potwierdzenia (I1)");
        assertThat(cells(html, "day-incidents-desk-D4")).startsWith("stanowisko D4", "2");
        assertThat(html).doesNotContain("Whole office", "Level 4");
    }

    private static OfficeIncidentsView incidents() {
        IncidentDayStats office = new IncidentDayStats(3, Map.of(1, 1L, 2, 1L, 4, 1L), 1, 1, 2,
                new DurationStats(3, 40.0, 35.0, 70.0, 70.0), new DurationStats(2, 300.0, 290.0, 570.0, 570.0));
        IncidentDayStats desk = new IncidentDayStats(2, Map.of(2, 1L, 4, 1L), 0, 1, 1,
                new DurationStats(2, 50.0, 45.0, 70.0, 70.0), new DurationStats(1, 570.0, 570.0, 570.0, 570.0));
        return new OfficeIncidentsView("UM-JED", DAY, null, List.of(), office,
                List.of(new OfficeIncidentsView.DeskIncidents("D4", desk)));
    }
}
