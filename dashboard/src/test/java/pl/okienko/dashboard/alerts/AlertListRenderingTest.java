package pl.okienko.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.dashboard.queues.LivePanelRenderer;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.WindowedStats;
import pl.okienko.processors.stats.DurationStats;

/**
 * The office page's list of active alerts names every kind in the page's language from the alert's
 * details (E1, T3/T4, I1), never with the processors' English message or an ISO timestamp.
 */
class AlertListRenderingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final LivePanelRenderer renderer = new LivePanelRenderer(TestTemplates.engine(), null);

    @Test
    void shouldNameAnOverdueEmailByMessageMailboxAndLocalDueTime() {
        OfficeQueuesView view = withAlert(alert("EMAIL_OVERDUE", "E1", "email", "m-17", Map.of("messageId", "m-17",
                "mailboxId", "sekretariat", "dueAt", "2026-11-20T08:15:00Z")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("E-mail overdue",
                "message m-17 in mailbox sekretariat, due 20.11 09:15").doesNotContain("ENGLISH MESSAGE");
        assertThat(renderer.render(view, POLISH)).contains("E-mail po terminie",
                "wiadomość m-17 w skrzynce sekretariat, termin 20.11 09:15").doesNotContain("ENGLISH MESSAGE");
    }

    @Test
    void shouldNameAnOverdueCallbackByItsKindAndLocalDueTime() {
        OfficeQueuesView view = withAlert(alert("CALLBACK_OVERDUE", "T4", "callback", "T4-cb1", Map.of("kind", "PROMISED",
                "dueAt", "2026-11-20T10:10:00Z")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Callback overdue", "Promised callback, due 20.11 11:10");
        assertThat(renderer.render(view, POLISH)).contains("Oddzwonienie po terminie").doesNotContain("ENGLISH MESSAGE",
                "Promised callback");
    }

    @Test
    void shouldDescribeAnIncidentByLevelDeskAndEscalation() {
        OfficeQueuesView view = withAlert(alert("INCIDENT", "I1", "incident", "inc-1", Map.of("level", "3", "panic", "false",
                "deskId", "4", "escalation", "SECURITY")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Incident", "Level 3", ", desk 4", "security called");
        assertThat(renderer.render(view, POLISH)).contains("Incydent", "Poziom 3", ", stanowisko 4", "wezwano ochronę")
                .doesNotContain("ENGLISH MESSAGE");
    }

    @Test
    void shouldDescribeAPanicButtonWithoutADesk() {
        OfficeQueuesView view = withAlert(alert("INCIDENT", "I1", "incident", "inc-2", Map.of("level", "4", "panic", "true",
                "escalation", "NONE")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Panic button", "not escalated").doesNotContain(", desk ");
    }

    @Test
    void shouldDescribeAHotspotByCountPlaceAndWindow() {
        OfficeQueuesView view = withAlert(alert("INCIDENT_HOTSPOT", "I1", "department", "WSO", Map.of("incidents", "3",
                "threshold", "2", "windowMinutes", "30")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Incident hotspot",
                "3 incidents of level 2 or more at department WSO within 30 min");
        assertThat(renderer.render(view, POLISH)).contains("Ognisko incydentów",
                "incydentów poziomu 2 lub wyższego: 3, wydział WSO, w ciągu 30 min");
    }

    private static AlertView alert(String type, String rule, String subjectType, String subjectId, Map<String, String> details) {
        return new AlertView(type + ":" + subjectId, type, rule, "RAISED", "UM-JED", subjectType, subjectId, NOW, NOW,
                "ENGLISH MESSAGE", details, null);
    }

    private static OfficeQueuesView withAlert(AlertView alert) {
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        QueueLiveView office = new QueueLiveView("UM-JED", "Urząd", null, 0, 0, 0, 0, none, none, List.of());
        return new OfficeQueuesView("UM-JED", "Urząd", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 20), office, List.of(),
                List.of(), List.of(alert));
    }
}
