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
 * details (E1, T3/T4, I1), never with the processors' English message or an ISO timestamp; and lists them
 * triaged (issue 14): by severity, with its class and name, and acknowledged ones apart.
 */
class AlertListRenderingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final LivePanelRenderer renderer = new LivePanelRenderer(TestTemplates.engine(), null);

    @Test
    void shouldNameAnOverdueEmailByMailboxAndLocalDueTime() {
        OfficeQueuesView view = withAlert(alert("EMAIL_OVERDUE", "E1", "email", "m-17", Map.of("messageId", "m-17",
                "mailboxId", "sekretariat", "dueAt", "2026-11-20T08:15:00Z")));

        // due at 09:15 today, now 11:30 (Warsaw): overdue since a time of today, with no date
        assertThat(renderer.render(view, Locale.ENGLISH)).contains("E-mail overdue", "mailbox sekretariat",
                "overdue since 09:15").doesNotContain("ENGLISH MESSAGE", "message m-17");
        assertThat(renderer.render(view, POLISH)).contains("E-mail po terminie", "skrzynka sekretariat",
                "po terminie od 09:15").doesNotContain("ENGLISH MESSAGE", "wiadomość m-17");
    }

    @Test
    void shouldNameAnOverdueCallbackByItsKindAndLocalDueTime() {
        OfficeQueuesView view = withAlert(alert("CALLBACK_OVERDUE", "T4", "callback", "T4-cb1", Map.of("kind", "PROMISED",
                "dueAt", "2026-11-20T10:10:00Z")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Callback overdue", "Promised callback, overdue since 11:10");
        assertThat(renderer.render(view, POLISH)).contains("Oddzwonienie po terminie", "Obiecane oddzwonienie, po terminie od 11:10")
                .doesNotContain("ENGLISH MESSAGE", "Promised callback");
    }

    @Test
    void shouldDescribeAnIncidentByLevelDeskAndEscalation() {
        OfficeQueuesView view = withAlert(alert("INCIDENT", "I1", "incident", "inc-1", Map.of("level", "3", "panic", "false",
                "deskId", "4", "escalation", "SECURITY")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Incident", "desk 4", "level 3, security called");
        assertThat(renderer.render(view, POLISH)).contains("Incydent", "stanowisko 4", "poziom 3, wezwano ochronę")
                .doesNotContain("ENGLISH MESSAGE");
    }

    @Test
    void shouldDescribeAPanicButtonWithoutADesk() {
        OfficeQueuesView view = withAlert(alert("INCIDENT", "I1", "incident", "inc-2", Map.of("level", "4", "panic", "true",
                "escalation", "NONE")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Panic button", "level 4, not escalated").doesNotContain("alert-place");
    }

    @Test
    void shouldDescribeAHotspotByCountPlaceAndWindow() {
        OfficeQueuesView view = withAlert(alert("INCIDENT_HOTSPOT", "I1", "department", "WSO", Map.of("incidents", "3",
                "threshold", "2", "windowMinutes", "30")));

        assertThat(renderer.render(view, Locale.ENGLISH)).contains("Incident hotspot", "department WSO",
                "3 incidents of level 2 or more within 30 min");
        assertThat(renderer.render(view, POLISH)).contains("Ognisko incydentów", "wydział WSO",
                "3 incydenty poziomu 2 lub wyższego w ciągu 30 min");
    }

    @Test
    void shouldListAnIncidentAboveAnOlderQueueAlertAndAcknowledgedAlertsApart() {
        AlertView queue = new AlertView("Q2:UM-JED:A", "QUEUE_EXCESSIVE", "Q2", "RAISED", "UM-JED", "queue", "A",
                NOW.minusSeconds(3600), NOW, "m", Map.of("queueId", "A", "waiting", "16", "waitingLimit", "15"), null);
        AlertView incident = alert("INCIDENT", "I1", "incident", "inc-3", Map.of("level", "3", "escalation", "SECURITY"));
        AlertView acknowledged = new AlertView("P1:UM-JED:A017", "PRIORITY_WAITING", "P1", "ACKNOWLEDGED", "UM-JED",
                "ticket", "A017", NOW.minusSeconds(7200), NOW, "m", Map.of("ticketId", "A017", "bypasses", "1"), "anna",
                NOW.minusSeconds(600));
        OfficeQueuesView view = withAlerts(List.of(queue, acknowledged, incident));

        String html = renderer.render(view, Locale.ENGLISH);

        int critical = html.indexOf("data-testid=\"alert-inc-3\"");
        int medium = html.indexOf("data-testid=\"alert-A\"");
        int acknowledgedList = html.indexOf("data-testid=\"alerts-acknowledged\"");
        assertThat(critical).isPositive().isLessThan(medium);
        assertThat(medium).isLessThan(acknowledgedList);
        assertThat(html.indexOf("data-testid=\"alert-A017\"")).isGreaterThan(acknowledgedList);
        assertThat(html).contains("class=\"alert-item severity-critical\"", "class=\"alert-item severity-medium alert-queue-excessive\"",
                "class=\"alert-item severity-high alert-acknowledged\"", ">Critical<", ">Medium<", ">High<", ">New<",
                ">Acknowledged<", "acknowledged by anna, 11:20", "16 clients waiting (limit 15)");
        assertThat(renderer.render(view, POLISH)).contains(">Krytyczny<", ">Nowe<", ">Potwierdzone<",
                "potwierdzony przez anna, 11:20", "16 osób czeka (próg 15)");
    }

    private static AlertView alert(String type, String rule, String subjectType, String subjectId, Map<String, String> details) {
        return new AlertView(type + ":" + subjectId, type, rule, "RAISED", "UM-JED", subjectType, subjectId, NOW, NOW,
                "ENGLISH MESSAGE", details, null);
    }

    private static OfficeQueuesView withAlert(AlertView alert) {
        return withAlerts(List.of(alert));
    }

    private static OfficeQueuesView withAlerts(List<AlertView> alerts) {
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        QueueLiveView office = new QueueLiveView("UM-JED", "Urząd", null, 0, 0, 0, 0, none, none, List.of());
        return new OfficeQueuesView("UM-JED", "Urząd", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 20), office, List.of(),
                List.of(), alerts);
    }
}
