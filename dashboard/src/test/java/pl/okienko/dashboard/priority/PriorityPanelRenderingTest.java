package pl.okienko.dashboard.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.QuietOffice.NOW;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.queues.QuietOffice;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.PriorityClientView;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationStats;

/** The priority section of the pushed live panel (P1; Q3–Q5 today) and the PRIORITY_WAITING alert, in both languages. */
class PriorityPanelRenderingTest {

    @Test
    void shouldShowWhoWaitsHowLongAndWhetherBypassedWithTodaysFulfilment() {
        String html = QuietOffice.panel(waiting(), Locale.ENGLISH, priorityPanel());

        assertThat(html).contains("data-testid=\"priority-panel\"", "Priority clients waiting (P1)");
        assertThat(html).contains("data-testid=\"priority-A017\"", "Elderly", "6:10", "bypassed");
        assertThat(html).contains("data-testid=\"priority-bypasses-A017\">2<");
        assertThat(html).contains("data-testid=\"priority-B003\"", "Pregnant", "in time");
        assertThat(html).contains("data-testid=\"priority-fulfilment\">75%<", "data-testid=\"priority-bypasses-today\">3<");
        assertThat(html).contains("Priority client waiting", "ticket A017 (Elderly), waiting 6:10, bypassed 2 times");
    }

    @Test
    void shouldSpeakPolish() {
        String html = QuietOffice.panel(waiting(), Locale.forLanguageTag("pl"), priorityPanel());
        assertThat(html).contains("Osoba starsza", "pominięty", "Obsługa poza kolejnością dziś (P1)",
                "Klient z pierwszeństwem czeka");
        assertThat(html).doesNotContain("Elderly");
    }

    @Test
    void shouldNameARequestAlertAsARequestWithItsRegisterNumberAndLocalDueDate() {
        AlertView complaint = new AlertView("c1", "COMPLAINT_DUE_SOON", "C1", "RAISED", "UM-JED", "complaint", "k-7",
                NOW, NOW, "Complaint k-7 is due 2026-11-24T14:53:07Z", Map.of("kind", "REQUEST",
                        "registerNumber", "WNS.1520.7", "dueAt", "2026-11-24T14:53:07.118Z"), null);
        OfficeQueuesView view = QuietOffice.view(complaint);

        // a request is not labelled a complaint (issue 14); due Tuesday, seen on Friday 20 November
        assertThat(QuietOffice.panel(view, Locale.ENGLISH, Map.of()))
                .contains("Request due soon", "no. WNS.1520.7, due Tue 24 Nov 15:53 (in 4 days)")
                .doesNotContain("2026-11-24T14:53", "Complaint");
        assertThat(QuietOffice.panel(view, Locale.forLanguageTag("pl"), Map.of()))
                .contains("Wniosek — termin wkrótce", "nr WNS.1520.7, termin wt. 24 lis 15:53 (za 4 dni)")
                .doesNotContain("Skarga");
    }

    @Test
    void shouldShowNoPrioritySectionWithoutItsData() {
        assertThat(QuietOffice.panel(waiting(), Locale.ENGLISH, Map.of())).doesNotContain("priority-panel");
    }

    /** The priority section's variables as {@link PrioritySections} adds them. */
    private static Map<String, Object> priorityPanel() {
        return Map.of("priority", priority(), "priorityFigures", PrioritySections.keyFigures(priority()));
    }

    private static OfficePriorityView priority() {
        ServiceDayView.Priority p = new ServiceDayView.Priority(Map.of("ELDERLY", 3L, "PREGNANT", 1L), 4, 3, 0, 4, 3,
                0.75, new DurationStats(4, 200.0, 180.0, 300.0, 320.0), 1, 3, 0, Map.of(), Map.of());
        ServiceDayView day = new ServiceDayView("UM-JED", "Urząd", null, p, new ServiceDayView.CallOrder(10, 1, 0.1),
                new ServiceDayView.Outcomes(10, 8, 1, 1, 0.8, 0.1, 0.1, 1, 0.1), new ServiceDayView.Pauses(2, 2, 1, 0.5));
        return new OfficePriorityView("UM-JED", "Urząd", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 20),
                List.of(new PriorityClientView("A017", "A", "Dowody", "ELDERLY", 370, 2, false, 300, true, true),
                        new PriorityClientView("B003", "B", "Meldunki", "PREGNANT", 60, 0, false, 300, false, false)),
                day, List.of(), List.of(day));
    }

    /** The office while A017 waits past its target, bypassed twice: its PRIORITY_WAITING alert is active. */
    private static OfficeQueuesView waiting() {
        AlertView alert = new AlertView("PRIORITY_WAITING:UM-JED:A017:1", "PRIORITY_WAITING", "P1", "RAISED", "UM-JED",
                "ticket", "A017", NOW, NOW, "m", Map.of("ticketId", "A017", "category", "ELDERLY", "waitSeconds", "370",
                        "bypasses", "2", "queueId", "A", "targetSeconds", "300"), null);
        return QuietOffice.view(alert);
    }
}
