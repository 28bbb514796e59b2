package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

/** The read APIs and their scoping by role and office. */
class ReadApiIT extends IntegrationTest {

    @Test
    void theDirectoryListsTheOfficesOfTheDirectoryFile() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/offices", "admin", "admin-password");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(TOWN).contains(COUNTY).contains("PUP-LDZ");
        });
    }

    @Test
    void aSupervisorSeesOnlyTheirOffices() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/v1/offices", "supervisor", "supervisor-password").body()).contains(TOWN).doesNotContain(COUNTY));

        assertThat(get("/api/v1/offices/" + TOWN + "/queues", "supervisor", "supervisor-password").statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("/api/v1/offices/" + COUNTY + "/queues", "supervisor", "supervisor-password");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains(COUNTY);
        assertThat(get("/api/v1/alerts?officeId=" + COUNTY, "supervisor", "supervisor-password").statusCode()).isEqualTo(403);
    }

    @Test
    void theLiveQueuesOfAnOfficeAreServed() {
        HttpResponse<String> response = get("/api/v1/offices/" + TOWN + "/queues", "admin", "admin-password");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"officeId\":\"" + TOWN + "\"").contains("\"queues\"");
    }

    @Test
    void aDaysStatisticsAreServedForAValidDate() {
        assertThat(get("/api/v1/offices/" + TOWN + "/queues?date=2026-11-20", "admin", "admin-password").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedDateIsABadRequestSayingTheFormat() {
        HttpResponse<String> response = get("/api/v1/offices/" + TOWN + "/queues?date=20.11.2026", "admin", "admin-password");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("YYYY-MM-DD");
    }

    @Test
    void anUnknownOfficeIsNotFound() {
        HttpResponse<String> response = get("/api/v1/offices/NO-SUCH-OFFICE/queues", "admin", "admin-password");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("NO-SUCH-OFFICE");
    }

    @Test
    void alertsAreServedAndAnUnknownStateIsABadRequest() {
        assertThat(get("/api/v1/alerts", "admin", "admin-password").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/alerts?state=all&officeId=" + TOWN, "supervisor", "supervisor-password").statusCode()).isEqualTo(200);
        HttpResponse<String> bad = get("/api/v1/alerts?state=sleeping", "admin", "admin-password");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("active or all");
    }

    @Test
    void theReadApisNeedSigningIn() {
        assertThat(get("/api/v1/offices", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/offices", "admin", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void theSchemasArePublicWithEveryFamilyAndReleasedVersion() {
        HttpResponse<String> response = get("/api/v1/schemas", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"family\":\"queue\"").contains("\"family\":\"phone\"")
                .contains("\"family\":\"office\"").contains("\"version\":2").contains("\"header\":\"c301");
    }

    @Test
    void theDesksTellWhichServesWhichTicketWhichIsIdleAndWhichIsClosed() {
        String officeId = unique("IT-DESKS");
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + officeId, "admin", "admin-password", "application/json",
                "{\"name\":\"Desks\",\"desks\":[{\"deskId\":\"D1\",\"name\":\"Okienko 1\"},{\"deskId\":\"D2\",\"name\":\"Okienko 2\"},"
                        + "{\"deskId\":\"D3\",\"name\":\"Okienko 3\"}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/offices/" + officeId, "admin", "admin-password")
                .statusCode() == 200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String events = String.join("\n",
                event(officeId, now.minusSeconds(600), "desk_opened", "\"deskId\":\"D1\",\"queueIds\":[\"A\"]"),
                event(officeId, now.minusSeconds(600), "desk_opened", "\"deskId\":\"D2\",\"queueIds\":[\"A\"]"),
                event(officeId, now.minusSeconds(300), "ticket_issued", "\"ticketId\":\"A1\",\"queueId\":\"A\""),
                event(officeId, now.minusSeconds(200), "ticket_called", "\"ticketId\":\"A1\",\"deskId\":\"D1\""),
                event(officeId, now.minusSeconds(180), "service_started", "\"ticketId\":\"A1\",\"deskId\":\"D1\""));
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson", events);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode desks = jsonBody(get("/api/v1/offices/" + officeId + "/desks", "admin", "admin-password")).path("desks");
            assertThat(desks).extracting(d -> d.path("deskId").asString() + " " + d.path("name").asString() + " "
                    + d.path("state").asString() + " " + d.path("ticketId").asString(""))
                    .containsExactly("D1 Okienko 1 SERVING A1", "D2 Okienko 2 IDLE ", "D3 Okienko 3 CLOSED ");
            assertThat(Instant.parse(desks.get(0).path("since").asString())).isEqualTo(now.minusSeconds(180));
        });
        assertThat(get("/api/v1/offices/NO-SUCH-OFFICE/desks", "admin", "admin-password").statusCode()).isEqualTo(404);
    }

    private static String event(String officeId, Instant at, String type, String fields) {
        return "{\"eventId\":\"" + unique("desk-ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-desks\"," + fields + "}";
    }
}
