package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.WindowedStats;
import pl.okienko.processors.stats.DurationStats;

/** The live panel as the SSE stream sends it: one line, the Q1 figures, the Q2 alert, in both languages. */
class LivePanelRendererTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    private final LivePanelRenderer renderer = new LivePanelRenderer(TestTemplates.engine(), null);

    @Test
    void rendersTheQueueFiguresOnOneLine() {
        String html = renderer.render(view(), Locale.ENGLISH);

        assertThat(html).doesNotContain("\n").startsWith("<div class=\"live-panel\"");
        assertThat(html).contains("Waiting now (Q1)", "Longest wait (Q1)", "Active alerts");
        assertThat(html).contains("data-testid=\"queue-waiting-A\">3<", "data-testid=\"queue-longest-wait-A\">5:30<");
        assertThat(html).contains("data-testid=\"office-waiting\">21<");
        assertThat(html).contains(">4:10 min<", ">—<");
        assertThat(html).contains("data-status=\"attention\"", "data-status=\"alert\"");
    }

    @Test
    void showsTheExcessiveQueueAlertWithItsNumbers() {
        String html = renderer.render(view(), Locale.ENGLISH);

        // raised with 18 waiting, and the queue's live figures beside them (issue 14: texts live from the current state)
        assertThat(html).contains("Excessive queue", "Meldunki", "18 clients waiting (limit 15)",
                "longest wait 22:10 (limit 20:00)", "18 waiting, longest wait 22:10", "since 09:14");
    }

    @Test
    void speaksPolish() {
        String html = renderer.render(view(), Locale.forLanguageTag("pl"));

        assertThat(html).contains("Oczekujący teraz (Q1)", "Najdłuższe oczekiwanie (Q1)", "Nadmierna kolejka",
                "18 osób czeka (próg 15)", "Ostatnie 15 min", "Dziś");
        assertThat(html).doesNotContain("Waiting now");
    }

    private static OfficeQueuesView view() {
        DurationStats some = new DurationStats(4, 300.0, 250.0, 600.0, 700.0);
        WindowedStats waits = new WindowedStats(some, some, some);
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        AlertView alert = new AlertView("QUEUE_EXCESSIVE:UM-JED:B:1", "QUEUE_EXCESSIVE", "Q2", "RAISED", "UM-JED",
                "queue", "B", Instant.parse("2026-11-21T08:14:00Z"), NOW, "Queue B is excessive",
                Map.of("queueId", "B", "waiting", "18", "longestWaitSeconds", "1330", "waitingLimit", "15",
                        "longestWaitLimitSeconds", "1200"),
                null);
        QueueLiveView a = new QueueLiveView("A", "Dowody osobiste", "WSO", 3, 330, 0, 0, waits, none, List.of());
        QueueLiveView b = new QueueLiveView("B", "Meldunki", "WSO", 18, 1330, 1, 6, waits, waits, List.of(alert));
        QueueLiveView department = new QueueLiveView("WSO", "Wydział Spraw Obywatelskich", null, 21, 1330, 1, 6,
                waits, waits, List.of());
        QueueLiveView office = new QueueLiveView("UM-JED", "Urząd Miejski", null, 21, 1330, 1, 6, waits, waits,
                List.of());
        return new OfficeQueuesView("UM-JED", "Urząd Miejski", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 21),
                office, List.of(department), List.of(a, b), List.of(alert));
    }
}
