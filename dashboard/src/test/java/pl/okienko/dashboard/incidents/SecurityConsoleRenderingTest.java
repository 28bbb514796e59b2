package pl.okienko.dashboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.processors.incidents.IncidentView;

/**
 * The security console's list (I1, issue 14 triage): every incident alert carries the critical severity's
 * class and badge, and the acknowledged ones are listed apart, below those nobody is on yet.
 */
class SecurityConsoleRenderingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:30:00Z");

    private final IncidentPanels panels = new IncidentPanels(TestTemplates.engine(), null, List::of);

    @Test
    void shouldListAcknowledgedIncidentsApartBelowNewOnes() {
        IncidentView acknowledged = incident("i-ack", "anna");
        IncidentView fresh = incident("i-new", null);

        String html = panels.renderConsole(List.of(fresh, acknowledged), Locale.ENGLISH, NOW);

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
        assertThat(panels.renderConsole(List.of(fresh, acknowledged), Locale.forLanguageTag("pl"), NOW))
                .contains(">Krytyczny<", ">Potwierdzone<");
    }

    @Test
    void shouldShowNoAcknowledgedPartWhileNobodyAcknowledged() {
        String html = panels.renderConsole(List.of(incident("i-new", null)), Locale.ENGLISH, NOW);

        assertThat(html).contains("incident-alerts-new").doesNotContain("incident-alerts-acknowledged", ">Acknowledged<");
    }

    private static IncidentView incident(String incidentId, String acknowledgedBy) {
        return new IncidentView("UM-JED", incidentId, "INCIDENT:UM-JED:incident:" + incidentId, 3, false, "S3", null, null,
                "IN_PERSON", "SUPERVISOR", 0, NOW.minusSeconds(120), acknowledgedBy == null ? "RAISED" : "ACKNOWLEDGED",
                NOW.minusSeconds(120), acknowledgedBy, acknowledgedBy == null ? null : NOW.minusSeconds(600), null, null);
    }
}
