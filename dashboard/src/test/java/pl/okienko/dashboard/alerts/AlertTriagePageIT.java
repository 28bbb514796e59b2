package pl.okienko.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.BrowserIntegrationTest;
import pl.okienko.dashboard.platform.web.HeadlessChromium;

/**
 * Alert triage on the live office page in a real browser (issue 14): a queue raised first (Q2) and an
 * incident raised after it (I1) are listed incident first, with the critical severity's class, shape and
 * name, and an acknowledged incident is listed apart, below the new ones.
 */
class AlertTriagePageIT extends BrowserIntegrationTest {

    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);

    @Test
    void anIncidentIsListedAboveAnOlderQueueAlertAndAnAcknowledgedOneApart() {
        String officeId = registeredOffice("IT-TRIAGE");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tickets.add(ticketIssued(unique("triage-ticket"), officeId, "it-triage", "A" + i));
        }
        // 16 waiting in queue A is over the default limit of 15 (Q2)
        assertAccepted(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", tickets)));
        awaitAlert(officeId, "A");
        String open = unique("threat");
        String acknowledged = unique("threat-ack");
        assertAccepted(postEvents(ANY_KEY, "application/x-ndjson", incident(officeId, open, "S1") + "\n" + incident(officeId, acknowledged, "S2")));
        awaitAlert(officeId, open);
        String acknowledgedAlert = awaitAlert(officeId, acknowledged);
        HttpResponse<String> ack = send("POST", "/api/v1/alerts/" + acknowledgedAlert + "/ack", "admin", "admin-password", null, null);
        assertThat(ack.statusCode()).as(ack.body()).isIn(200, 202);

        signInThroughForm("admin", "admin-password");
        browser.get(url("/offices/" + officeId + "?lang=en"));
        awaitInList("alerts-acknowledged", acknowledged);
        awaitInList("alerts-new", open);

        // one script, so that a live update cannot swap the list between two reads
        @SuppressWarnings("unchecked")
        List<String> severities = (List<String>) js("return Array.from(document.querySelectorAll("
                + "\"[data-testid='alerts-new'] > li\")).map(li => li.getAttribute('data-severity') + ' ' + li.getAttribute('data-testid'));");
        assertThat(severities).containsExactly("CRITICAL alert-" + open, "MEDIUM alert-A");
        assertThat(attribute(open, "className")).contains("severity-critical").doesNotContain("alert-acknowledged");
        assertThat(attribute("A", "className")).contains("severity-medium");
        assertThat(HeadlessChromium.text(browser, "alert-" + open)).contains("Critical", "Incident", "level 3");
        assertThat(HeadlessChromium.text(browser, "alert-A")).contains("Medium", "Excessive queue",
                "16 clients waiting (limit 15)");
        // not colour alone: each severity has its own shape, and its own colour
        assertThat(js(shape(open))).isNotEqualTo(js(shape("A")));
        assertThat(js(background(open))).isNotEqualTo(js(background("A")));
        assertThat(attribute(acknowledged, "className")).contains("severity-critical", "alert-acknowledged");
        assertThat(HeadlessChromium.text(browser, "alert-" + acknowledged)).contains("acknowledged by admin");

        browser.get(url("/offices/" + officeId + "?lang=pl"));
        awaitInList("alerts-acknowledged", acknowledged);
        assertThat(HeadlessChromium.text(browser, "alerts")).contains("Krytyczny", "Średni", "Potwierdzone",
                "16 osób czeka (próg 15)", "potwierdzony przez admin");
    }

    /** An incident of level 3; each at a desk of its own, since two at one desk make a hotspot (I1). */
    private static String incident(String officeId, String incidentId, String deskId) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"incident_reported\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"it-triage\",\"incidentId\":\"" + incidentId
                + "\",\"deskId\":\"" + deskId + "\",\"level\":3,\"channel\":\"IN_PERSON\"}";
    }

    /** The id of the office's active alert about {@code subjectId}, once the alerts' view holds it. */
    private String awaitAlert(String officeId, String subjectId) {
        String[] id = new String[1];
        await().atMost(PUSH_WAIT).untilAsserted(() -> {
            JsonNode alerts = jsonBody(get("/api/v1/alerts?officeId=" + officeId, "admin", "admin-password"));
            for (JsonNode alert : alerts) {
                if (alert.path("subjectId").asString().equals(subjectId)) {
                    id[0] = alert.path("alertId").asString();
                }
            }
            assertThat(id[0]).as("alert about " + subjectId).isNotNull();
        });
        return id[0];
    }

    private void awaitInList(String list, String subjectId) {
        try {
            new WebDriverWait(browser, PUSH_WAIT).until(d -> !d.findElements(By.cssSelector(
                    "[data-testid='" + list + "'] [data-testid='alert-" + subjectId + "']")).isEmpty());
        } catch (RuntimeException e) {
            throw evidence("triage-" + list + "-" + subjectId, e);
        }
    }

    private String attribute(String subjectId, String property) {
        return (String) js("return document.querySelector(\"[data-testid='alert-" + subjectId + "']\")." + property + ";");
    }

    private static String shape(String subjectId) {
        return "return document.querySelector(\"[data-testid='alert-" + subjectId + "'] .severity-icon\").innerHTML;";
    }

    private static String background(String subjectId) {
        return "return getComputedStyle(document.querySelector(\"[data-testid='alert-" + subjectId + "']\")).backgroundColor;";
    }

    private static void assertAccepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
