package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

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
}
