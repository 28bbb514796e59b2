package pl.okienko.dashboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

/**
 * The incident API on the running application (I1): an incident posted through the ingestion API
 * raises an INCIDENT alert, two guards acknowledging it at the same moment make one acknowledgement
 * and the other hears who was first, and the office's incidents show it live and by day.
 */
class IncidentApiIT extends IntegrationTest {


    static String incidentEvent(String officeId, String type, String incidentId, Instant at, String fields) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-incidents\",\"incidentId\":\"" + incidentId + "\""
                + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private String awaitAlertId(String incidentId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode open = jsonBody(get("/api/v1/offices/" + TOWN + "/incidents", "guard", "guard-password")).path("open");
            JsonNode found = null;
            for (JsonNode incident : open) {
                if (incident.path("incidentId").asString().equals(incidentId)) {
                    found = incident;
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.path("alertState").asString()).isEqualTo("RAISED");
            id[0] = found.path("alertId").asString();
        });
        return id[0];
    }

    @Test
    void twoGuardsAcknowledgingAtOnceMakeOneAcknowledgementAndTheOtherSeesWhoWasFirst() throws Exception {
        String incidentId = unique("threat");
        Instant reported = Instant.now();
        assertThat(postEvents(ANY_KEY, "application/json", incidentEvent(TOWN, "incident_reported", incidentId,
                reported, "\"deskId\":\"S1\",\"level\":3,\"channel\":\"IN_PERSON\"")).statusCode()).isEqualTo(202);
        String alertId = awaitAlertId(incidentId);
        assertThat(alertId).matches(java.util.regex.Pattern.quote("INCIDENT:" + TOWN + ":incident:" + incidentId + ":") + "\\d+");

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> anna = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return send("POST", "/api/v1/alerts/" + alertId + "/ack", "guard", "guard-password", null, null);
        });
        CompletableFuture<HttpResponse<String>> bartek = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return send("POST", "/api/v1/alerts/" + alertId + "/ack", "guard2", "guard2-password", null, null);
        });
        start.countDown();
        List<HttpResponse<String>> answers = List.of(anna.get(), bartek.get());

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        String first = jsonBody(winner).path("acknowledgedBy").asString();
        assertThat(first).isIn("guard", "guard2");
        assertThat(jsonBody(winner).path("outcome").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(jsonBody(loser).path("outcome").asString()).isEqualTo("ALREADY_ACKNOWLEDGED");
        assertThat(jsonBody(loser).path("acknowledgedBy").asString()).isEqualTo(first);

        // a third press, later, hears the same
        HttpResponse<String> late = send("POST", "/api/v1/alerts/" + alertId + "/ack", "guard", "guard-password", null, null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(jsonBody(late).path("acknowledgedBy").asString()).isEqualTo(first);

        // one history: the alert history shows the same acknowledgement
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode alerts = jsonBody(get("/api/v1/alerts?officeId=" + TOWN + "&state=all", "admin", "admin-password"));
            JsonNode alert = null;
            for (JsonNode a : alerts) {
                if (a.path("alertId").asString().equals(alertId)) {
                    alert = a;
                }
            }
            assertThat(alert).isNotNull();
            assertThat(alert.path("state").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(alert.path("acknowledgedBy").asString()).isEqualTo(first);
        });

        LocalDate today = reported.atZone(ZoneId.of("Europe/Warsaw")).toLocalDate();
        JsonNode day = jsonBody(get("/api/v1/offices/" + TOWN + "/incidents?date=" + today, "supervisor", "supervisor-password"));
        assertThat(day.path("office").path("incidents").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(day.path("office").path("timeToAcknowledge").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(day.path("desks").toString()).contains("\"deskId\":\"S1\"");
    }

    @Test
    void aSupervisorMayNotAcknowledgeAnIncidentAlertAndAnUnknownAlertIsNotFound() {
        String incidentId = unique("panic");
        assertThat(postEvents(ANY_KEY, "application/json", incidentEvent(TOWN, "panic_button", incidentId,
                Instant.now(), "\"deskId\":\"S2\"")).statusCode()).isEqualTo(202);
        String alertId = awaitAlertId(incidentId);

        assertThat(send("POST", "/api/v1/alerts/" + alertId + "/ack", "supervisor", "supervisor-password", null, null)
                .statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/alerts/INCIDENT:" + TOWN + ":no-such/ack", "guard", "guard-password", null, null)
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/offices/" + COUNTY + "/incidents", "guard", "guard-password").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/offices/" + TOWN + "/incidents?date=yesterday", "guard", "guard-password").statusCode())
                .isEqualTo(400);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
