package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.DayReportPage.cells;
import static pl.okienko.dashboard.queues.DayReportPage.polish;
import static pl.okienko.dashboard.queues.DayReportPage.render;
import static pl.okienko.dashboard.queues.DayReportPage.section;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.QueueDayStats;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationStats;

/**
 * The day report's queue parts: wait and service times (Q1), priority and order of service (P1, P2,
 * Q3, Q4, Q5), exact figures as shown, in both languages; and a day with nothing in it.
 */
class DayReportRenderingTest {

    @Test
    void shouldSayInOneSentenceThatNothingWasRecordedOnAnEmptyDay() {
        String html = render(Locale.ENGLISH, (officeId, date, now, variables) -> { });

        assertThat(html).contains("data-testid=\"day-empty\"", "Nothing was recorded for this office on this day.");
        assertThat(html).doesNotContain("<table", "<h2");
        assertThat(render(polish())).contains("Tego dnia w tym urzędzie nic nie zarejestrowano.").doesNotContain("<table");
    }

    @Test
    void shouldShowTheDaysWaitAndServiceTimesPerOfficeDepartmentAndQueue() {
        String html = render(Locale.ENGLISH, section("queueDay", queueDay()));

        assertThat(html).contains("Wait and service times (Q1)").doesNotContain("day-empty");
        assertThat(cells(html, "day-office"))
                .containsExactly("Urząd Miejski", "3", "2:00 min", "1:58 min", "3:00 min", "3:00 min", "2", "4:10 min",
                        "4:10 min", "5:00 min", "5:00 min");
        assertThat(cells(html, "day-department-WSO")).startsWith("Wydział Spraw Obywatelskich", "3", "2:00 min");
        assertThat(cells(html, "day-queue-A")).startsWith("A Dowody osobiste", "3", "2:00 min");
        assertThat(render(polish(), section("queueDay", queueDay()))).contains("Czas oczekiwania i obsługi (Q1)",
                "Czas oczekiwania (Q1)", "Wydziały", "Kolejki");
    }

    @Test
    void shouldShowPriorityFulfilmentBypassesWaitsAndSameVisitResolutionPerQueueAndOffice() {
        String html = render(Locale.ENGLISH, section("priorityDay", priorityDay()));

        assertThat(html).contains("Priority and order of service (P1, P2, Q3, Q4, Q5)", "Priority clients (P1)",
                "Wait of priority clients (P1)", "Resolved in the same visit (P2)");
        assertThat(cells(html, "day-priority-A")).containsExactly("Dowody osobiste", "Elderly: 3, Pregnant: 1", "4",
                "3", "1", "3", "2 (67%)", "1", "2", "0");
        assertThat(cells(html, "day-priority-office")).containsExactly("Whole office", "Elderly: 3, Pregnant: 1", "4",
                "3", "1", "3", "2 (67%)", "1", "2", "0");
        assertThat(cells(html, "day-priority-wait-office")).containsExactly("Whole office", "3", "3:20 min",
                "3:00 min", "5:00 min", "5:20 min", "Elderly: 100%, Pregnant: 0%");
    }

    @Test
    void shouldShowOutOfOrderCallsOutcomesAndPausesPerQueueAndOffice() {
        String html = render(Locale.ENGLISH, section("priorityDay", priorityDay()));

        assertThat(html).contains("Order of service, outcomes and pauses (Q3, Q4, Q5)", "Order of calls (Q3)",
                "Outcome of visits (Q4)", "Pauses (Q5)");
        assertThat(cells(html, "day-order-A")).containsExactly("Dowody osobiste", "10", "1 (10%)", "10", "8 (80%)",
                "1 (10%)", "1 (10%)", "1", "0.10", "2", "2", "1 (50%)");
        assertThat(cells(html, "day-order-office")).startsWith("Whole office", "10", "1 (10%)");
    }

    @Test
    void shouldSpeakPolishInThePrioritySection() {
        String html = render(polish(), section("priorityDay", priorityDay()));

        assertThat(html).contains("Obsługa poza kolejnością i kolejność obsługi (P1, P2, Q3, Q4, Q5)",
                "Kolejność wywołań (Q3)", "Wynik wizyt (Q4)", "Przerwy (Q5)", "Załatwione podczas jednej wizyty (P2)");
        assertThat(cells(html, "day-priority-office")).startsWith("Cały urząd", "Osoba starsza: 3, Kobieta w ciąży: 1");
        assertThat(cells(html, "day-order-A")).contains("0,10");
        assertThat(html).doesNotContain("Elderly", "Whole office");
    }

    @Test
    void shouldSayNoPriorityClientButStillShowTheOrderOfServiceWhenNoneWaitedThatDay() {
        ServiceDayView regular = new ServiceDayView("A", "Dowody osobiste", "WSO",
                new ServiceDayView.Priority(Map.of(), 0, 0, 0, 0, 0, null, DurationStats.EMPTY, 0, 0, 0, Map.of(),
                        Map.of()),
                new ServiceDayView.CallOrder(4, 0, 0.0), new ServiceDayView.Outcomes(4, 4, 0, 0, 1.0, 0.0, 0.0, 0, 0.0),
                new ServiceDayView.Pauses(0, 0, 0, null));
        String html = render(Locale.ENGLISH, section("priorityDay", new OfficePriorityView("UM-JED", "Urząd Miejski",
                "Europe/Warsaw", null, DayReportPage.DAY, List.of(), regular, List.of(), List.of(regular))));

        assertThat(html).contains("No wait of a priority client ended on this day.").doesNotContain("day-priority-office");
        assertThat(cells(html, "day-order-office")).containsExactly("Whole office", "4", "0 (0%)", "4", "4 (100%)",
                "0 (0%)", "0 (0%)", "0", "0.00", "0", "0", "0 (—)");
    }

    private static OfficeDayView queueDay() {
        QueueDayStats a = new QueueDayStats("A", "Dowody osobiste", "WSO", new DurationStats(3, 120.0, 118.0, 180.0, 180.0),
                new DurationStats(2, 250.0, 250.0, 300.0, 300.0));
        QueueDayStats department = new QueueDayStats("WSO", "Wydział Spraw Obywatelskich", null, a.waitTime(),
                a.serviceTime());
        QueueDayStats office = new QueueDayStats("UM-JED", "Urząd Miejski", null, a.waitTime(), a.serviceTime());
        return new OfficeDayView("UM-JED", "Urząd Miejski", "Europe/Warsaw", DayReportPage.DAY, office,
                List.of(department), List.of(a));
    }

    static OfficePriorityView priorityDay() {
        ServiceDayView.Priority p = new ServiceDayView.Priority(
                new java.util.TreeMap<>(Map.of("ELDERLY", 3L, "PREGNANT", 1L)), 4, 3, 1, 3, 2, 2.0 / 3,
                new DurationStats(3, 200.0, 180.0, 300.0, 320.0), 1, 2, 0, Map.of("ELDERLY", 2L, "PREGNANT", 1L),
                new java.util.TreeMap<>(Map.of("ELDERLY", 1.0, "PREGNANT", 0.0)));
        ServiceDayView.CallOrder order = new ServiceDayView.CallOrder(10, 1, 0.1);
        ServiceDayView.Outcomes outcomes = new ServiceDayView.Outcomes(10, 8, 1, 1, 0.8, 0.1, 0.1, 1, 0.1);
        ServiceDayView.Pauses pauses = new ServiceDayView.Pauses(2, 2, 1, 0.5);
        ServiceDayView queue = new ServiceDayView("A", "Dowody osobiste", "WSO", p, order, outcomes, pauses);
        ServiceDayView office = new ServiceDayView("UM-JED", "Urząd Miejski", null, p, order, outcomes, pauses);
        return new OfficePriorityView("UM-JED", "Urząd Miejski", "Europe/Warsaw", null, DayReportPage.DAY, List.of(),
                office, List.of(), List.of(queue));
    }
}
