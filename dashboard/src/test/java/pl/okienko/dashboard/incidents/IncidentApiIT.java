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
import java.util.function.Consumer;

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
            JsonNode found = element(open, "incidentId", incidentId);
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
            JsonNode alert = element(alerts, "alertId", alertId);
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

    @Test
    void theConsoleStepsAreRecordedOnceEvenWhenClickedTwiceAndAResolvedIncidentTakesNoMore() {
        String incidentId = alertingIncident("violence", "S4", 4);
        String steps = "/api/v1/offices/" + TOWN + "/incidents/" + incidentId;

        HttpResponse<String> police = send("POST", steps + "/police", "guard", "guard-password", null, null);
        HttpResponse<String> policeAgain = send("POST", steps + "/police", "guard2", "guard2-password", null, null);
        assertThat(police.statusCode()).as(police.body()).isEqualTo(202);
        assertThat(jsonBody(police).path("step").asString()).isEqualTo("police");
        // a second click writes the same event: the topology counts it once
        assertThat(policeAgain.statusCode()).as(policeAgain.body()).isEqualTo(202);
        assertThat(jsonBody(policeAgain).path("eventId").asString()).isEqualTo(jsonBody(police).path("eventId").asString());

        HttpResponse<String> resolved = send("POST", steps + "/resolve", "guard", "guard-password",
                "application/x-www-form-urlencoded", "outcome=REMOVED_BY_SECURITY&note=" + "Wyprowadzony+przez+ochron%C4%99");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> late = send("POST", steps + "/resolve", "guard2", "guard2-password",
                    "application/x-www-form-urlencoded", "outcome=CALMED");
            assertProblem(late, 409, detail -> assertThat(detail).startsWith("incident " + incidentId + " was resolved at ")
                    .endsWith("(REMOVED_BY_SECURITY)"));
        });
        assertThat(send("POST", steps + "/police", "guard", "guard-password", null, null).statusCode()).isEqualTo(409);
    }

    @Test
    void theConsoleStepsRefuseAnUnknownIncidentABadOutcomeALongNoteAnotherOfficeAndASupervisorWithAProblem() {
        String incidentId = alertingIncident("threat", "S5", 3);
        String steps = "/api/v1/offices/" + TOWN + "/incidents/";
        String form = "application/x-www-form-urlencoded";

        assertProblem(send("POST", steps + "no-such-incident/police", "guard", "guard-password", null, null), 404,
                "no incident no-such-incident in office " + TOWN);
        assertProblem(send("POST", steps + "no-such-incident/resolve", "guard", "guard-password", form, "outcome=CALMED"),
                404, "no incident no-such-incident in office " + TOWN);
        assertProblem(send("POST", steps + incidentId + "/resolve", "guard", "guard-password", form, "outcome=SHOT_AT_DAWN"),
                400, "outcome 'SHOT_AT_DAWN' is not known: expected one of CALMED, CLIENT_LEFT, REMOVED_BY_SECURITY, "
                        + "POLICE_INTERVENED, FALSE_ALARM, OTHER");
        assertProblem(send("POST", steps + incidentId + "/resolve", "guard", "guard-password", form, "note=calm"),
                400, "parameter 'outcome' is required");
        HttpResponse<String> longNote = send("POST", steps + incidentId + "/resolve", "guard", "guard-password", form,
                "outcome=CALMED&note=" + "x".repeat(513));
        assertThat(longNote.statusCode()).as(longNote.body()).isEqualTo(400);
        assertThat(jsonBody(longNote).path("detail").asString()).contains("note", "512");
        assertThat(send("POST", "/api/v1/offices/" + COUNTY + "/incidents/" + incidentId + "/police", "guard",
                "guard-password", null, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", steps + incidentId + "/police", "supervisor", "supervisor-password", null, null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", steps + incidentId + "/police", null, null, null, null).statusCode()).isEqualTo(401);
        // nothing of it was written: the incident is still open and nobody called the police
        JsonNode open = jsonBody(get("/api/v1/offices/" + TOWN + "/incidents", "guard", "guard-password")).path("open");
        assertThat(open.toString()).contains("\"incidentId\":\"" + incidentId + "\"");
        for (JsonNode incident : open) {
            if (incident.path("incidentId").asString().equals(incidentId)) {
                assertThat(incident.path("policeNotifiedAt").isNull()).isTrue();
            }
        }
    }

    /** A new incident of {@code level} at {@code deskId} in the town office, once its INCIDENT alert is raised. */
    private String alertingIncident(String prefix, String deskId, int level) {
        String incidentId = unique(prefix);
        assertThat(postEvents(ANY_KEY, "application/json", incidentEvent(TOWN, "incident_reported", incidentId,
                Instant.now(), "\"deskId\":\"" + deskId + "\",\"level\":" + level + ",\"channel\":\"IN_PERSON\"")).statusCode())
                .isEqualTo(202);
        awaitAlertId(incidentId);
        return incidentId;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertProblem(response, status, actual -> assertThat(actual).isEqualTo(detail));
    }

    private static void assertProblem(HttpResponse<String> response, int status, Consumer<String> detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        detail.accept(jsonBody(response).path("detail").asString());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
