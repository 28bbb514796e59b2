package pl.okienko.dashboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.processors.incidents.IncidentView;
import pl.okienko.processors.incidents.IncidentViews.ConsoleView;

/**
 * The security console's list (I1, issue 14): every incident alert carries the critical severity's class and
 * badge, the acknowledged ones are listed apart, below those nobody is on yet; the level is said in words, the
 * place by its directory name, the police step with its time and who; nothing open is "all clear"; and today's
 * log shows every incident's steps and how it ended. Times are the office's (Europe/Warsaw, UTC+1 in December).
 */
class SecurityConsoleRenderingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:30:00Z");
    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final IncidentPanels panels = new IncidentPanels(TestTemplates.engine(), null, () -> List.of(
            Office.newBuilder().setOfficeId("UM-JED").setName("Urząd Miejski w Jędrzejowie")
                    .setDesks(List.of(new Desk("D03", null, "Stanowisko 3"))).build()));

    @Test
    void shouldListAcknowledgedIncidentsApartBelowNewOnes() {
        IncidentView acknowledged = incident("i-ack", "anna");
        IncidentView fresh = incident("i-new", null);

        String html = panels.renderConsole(console(List.of(fresh, acknowledged)), Locale.ENGLISH, NOW);

        int newList = html.indexOf("data-testid=\"incident-alerts-new\"");
        int freshItem = html.indexOf("data-testid=\"incident-alert-i-new\"");
        int acknowledgedList = html.indexOf("data-testid=\"incident-alerts-acknowledged\"");
        int acknowledgedItem = html.indexOf("data-testid=\"incident-alert-i-ack\"");
        assertThat(newList).isPositive().isLessThan(freshItem);
        assertThat(freshItem).isLessThan(acknowledgedList);
        assertThat(acknowledgedList).isLessThan(acknowledgedItem);
        assertThat(html).contains("class=\"alert-item incident-alert severity-critical incident-unacknowledged\"",
                "class=\"alert-item incident-alert severity-critical incident-acknowledged alert-acknowledged\"",
                ">Critical<", ">Acknowledged<", "Acknowledged by anna at 11:20<");
        assertThat(panels.renderConsole(console(List.of(fresh, acknowledged)), POLISH, NOW))
                .contains(">Krytyczny<", ">Potwierdzone<");
    }

    @Test
    void shouldShowNoAcknowledgedPartWhileNobodyAcknowledged() {
        String html = panels.renderConsole(console(List.of(incident("i-new", null))), Locale.ENGLISH, NOW);

        assertThat(html).contains("incident-alerts-new").doesNotContain("incident-alerts-acknowledged", ">Acknowledged<",
                "data-testid=\"all-clear\"");
    }

    @Test
    void shouldSayAllClearWhenNothingIsOpenInBothLanguages() {
        ConsoleView nothing = new ConsoleView(List.of(), List.of());

        assertThat(panels.renderConsole(nothing, Locale.ENGLISH, NOW)).contains("data-testid=\"all-clear\"",
                ">All clear<", ">No open incident in your offices.<", ">No incident today.<")
                .doesNotContain("incident-alerts-new");
        assertThat(panels.renderConsole(nothing, POLISH, NOW)).contains(">Spokój<",
                ">Brak otwartych incydentów w Twoich urzędach.<", ">Dziś bez incydentów.<");
    }

    @Test
    void shouldExplainTheLevelInWordsAndNameThePlaceFromTheDirectory() {
        IncidentView atNamedDesk = withPlace(incident("i-named", null), 4, "D03");
        IncidentView atUnknownDesk = incident("i-unknown", null);

        String html = panels.renderConsole(console(List.of(atNamedDesk, atUnknownDesk)), Locale.ENGLISH, NOW);

        assertThat(html).contains(">Level 4 — violence<", ">Level 3 — threat<", "title=\"D03\">Stanowisko 3<",
                "title=\"S3\">desk S3<");
        assertThat(panels.renderConsole(console(List.of(atNamedDesk, atUnknownDesk)), POLISH, NOW))
                .contains(">Poziom 4 — przemoc<", ">Poziom 3 — groźba<", ">stanowisko S3<");
    }

    @Test
    void shouldShowWhoNotifiedThePoliceAndWhenInsteadOfItsButton() {
        IncidentView notified = police(incident("i-police", "anna"), Instant.parse("2026-12-04T10:25:40Z"), "anna");

        String html = panels.renderConsole(console(List.of(notified, incident("i-not-yet", null))), Locale.ENGLISH, NOW);

        assertThat(html).contains("data-testid=\"police-i-police\">Police notified at 11:25 by anna<",
                "data-testid=\"police-button-i-not-yet\"", "data-testid=\"resolve-i-police\"", "data-testid=\"ack-i-not-yet\"")
                .doesNotContain("data-testid=\"police-button-i-police\"", "data-testid=\"ack-i-police\"");
        assertThat(panels.renderConsole(console(List.of(notified)), POLISH, NOW))
                .contains(">Policję powiadomiono o 11:25, powiadomił(a) anna<");
    }

    @Test
    void shouldLogTodaysIncidentsWithEveryStepTheOutcomeAndTheNote() {
        IncidentView resolved = resolved(police(withPlace(incident("i-done", "anna"), 4, "D03"),
                Instant.parse("2026-12-04T10:21:00Z"), "anna"), Instant.parse("2026-12-04T10:28:00Z"), "CALMED", "kasia",
                "Klient się uspokoił & wyszedł <sam>");
        IncidentView open = incident("i-open", null);

        String html = panels.renderConsole(new ConsoleView(List.of(open), List.of(open, resolved)), Locale.ENGLISH, NOW);

        String row = html.substring(html.indexOf("data-testid=\"log-i-done\""));
        assertThat(row).contains(">11:18<", "Urząd Miejski w Jędrzejowie", ">Stanowisko 3<", ">Level 4 — violence<",
                "data-log=\"acknowledged\">11:20, anna<", "data-log=\"police\">Police notified at 11:21 by anna<",
                ">Calmed down<", ">11:28, kasia<", ">Klient się uspokoił &amp; wyszedł &lt;sam&gt;<");
        assertThat(html.substring(html.indexOf("data-testid=\"log-i-open\""), html.indexOf("data-testid=\"log-i-done\"")))
                .contains("data-log=\"acknowledged\">—<", "data-log=\"police\">—<", ">still open<");
        assertThat(panels.renderConsole(new ConsoleView(List.of(), List.of(resolved)), POLISH, NOW))
                .contains(">Dzisiejsze incydenty<", ">Uspokojony<", "Policję powiadomiono o 11:21, powiadomił(a) anna");
    }

    private static ConsoleView console(List<IncidentView> alerts) {
        return new ConsoleView(alerts, List.of());
    }

    private static IncidentView incident(String incidentId, String acknowledgedBy) {
        return new IncidentView("UM-JED", incidentId, "INCIDENT:UM-JED:incident:" + incidentId, 3, false, "S3", null, null,
                "IN_PERSON", "SUPERVISOR", 0, NOW.minusSeconds(720), acknowledgedBy == null ? "RAISED" : "ACKNOWLEDGED",
                NOW.minusSeconds(120), acknowledgedBy, acknowledgedBy == null ? null : NOW.minusSeconds(600), null, null,
                null, null, null, null);
    }

    private static IncidentView withPlace(IncidentView i, int level, String deskId) {
        return new IncidentView(i.officeId(), i.incidentId(), i.alertId(), level, i.panic(), deskId, i.departmentId(),
                i.location(), i.channel(), i.escalation(), i.reraises(), i.reportedAt(), i.alertState(), i.alertRaisedAt(),
                i.acknowledgedBy(), i.acknowledgedAt(), i.resolvedAt(), i.outcome(), i.resolvedBy(), i.note(),
                i.policeNotifiedAt(), i.policeNotifiedBy());
    }

    private static IncidentView police(IncidentView i, Instant at, String by) {
        return new IncidentView(i.officeId(), i.incidentId(), i.alertId(), i.level(), i.panic(), i.deskId(),
                i.departmentId(), i.location(), i.channel(), "POLICE", i.reraises(), i.reportedAt(), i.alertState(),
                i.alertRaisedAt(), i.acknowledgedBy(), i.acknowledgedAt(), i.resolvedAt(), i.outcome(), i.resolvedBy(),
                i.note(), at, by);
    }

    private static IncidentView resolved(IncidentView i, Instant at, String outcome, String by, String note) {
        return new IncidentView(i.officeId(), i.incidentId(), i.alertId(), i.level(), i.panic(), i.deskId(),
                i.departmentId(), i.location(), i.channel(), i.escalation(), i.reraises(), i.reportedAt(), "CLEARED",
                i.alertRaisedAt(), i.acknowledgedBy(), i.acknowledgedAt(), at, outcome, by, note, i.policeNotifiedAt(),
                i.policeNotifiedBy());
    }
}
