package pl.okienko.dashboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.directory.Policy;
import pl.okienko.topics.Topics;

/** The ADMIN's directory API: offices and policies written through the compacted topics. */
class AdminApiIT extends IntegrationTest {

    private static final String JSON = "application/json";

    @Test
    void anAdminPutsAnOfficeAndReadsItBackFromTheDirectory() {
        String body = "{\"name\":\"Urząd Gminy Gostynin\",\"timeZone\":\"Europe/Warsaw\","
                + "\"businessHours\":[{\"dayOfWeek\":1,\"opens\":\"08:00\",\"closes\":\"16:00\"}],"
                + "\"departments\":[{\"departmentId\":\"OG\",\"name\":\"Obsługa\"}],"
                + "\"queues\":[{\"queueId\":\"A\",\"departmentId\":\"OG\",\"name\":\"Sprawy ogólne\"}]}";

        assertThat(putAndReadBack("UG-GOS", body)).contains("Urząd Gminy Gostynin");
    }

    @Test
    void anInvalidOfficeIsRefusedWithEveryProblem() {
        String body = "{\"officeId\":\"OTHER\",\"name\":\"X\",\"timeZone\":\"Mars/Olympus\"}";

        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/UG-X", "admin", "admin-password", JSON, body);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("officeId is 'OTHER'");
    }

    @Test
    void anInvalidTimeZoneAndHoursAreNamed() {
        String body = "{\"name\":\"X\",\"timeZone\":\"Mars/Olympus\","
                + "\"businessHours\":[{\"dayOfWeek\":9,\"opens\":\"16:00\",\"closes\":\"08:00\"}]}";

        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/UG-X", "admin", "admin-password", JSON, body);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("Mars/Olympus").contains("dayOfWeek").contains("not before it closes");
    }

    @Test
    void anOfficeOpenRoundTheClockWithNoHolidaysIsWrittenAndReadBack() {
        String body = "{\"name\":\"Centrum Powiadamiania\",\"holidays\":\"NONE\",\"daysOff\":[],"
                + "\"businessHours\":[{\"dayOfWeek\":6,\"opens\":\"00:00\",\"closes\":\"24:00\"},"
                + "{\"dayOfWeek\":7,\"opens\":\"00:00\",\"closes\":\"24:00\"}]}";

        assertThat(putAndReadBack("CPR-X", body)).contains("\"closes\":\"24:00\"").contains("\"holidays\":\"NONE\"");
    }

    @Test
    void anUnknownHolidayCountryAndABadDayOffAreNamed() {
        String body = "{\"name\":\"X\",\"holidays\":\"XX\",\"daysOff\":[\"2026-13-01\"]}";

        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/UG-X", "admin", "admin-password", JSON, body);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("holidays 'XX' names no country with a public holiday calendar")
                .contains("daysOff[0] '2026-13-01' is not a date");
    }

    @Test
    void aPolicyIsWrittenUnderItsKeyAndDeletedWithATombstone() {
        HttpResponse<String> put = send("PUT", "/api/v1/admin/policies/" + TOWN + "/queue/B", "admin", "admin-password", JSON,
                "{\"queueWaitingLimit\":9}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"scope\":\"QUEUE\"").contains("\"scopeId\":\"B\"");
        assertThat(send("DELETE", "/api/v1/admin/policies/" + TOWN + "/queue/B", "admin", "admin-password", null, null)
                .statusCode()).isEqualTo(204);
        List<ConsumerRecord<String, Policy>> read = readUntil(Topics.POLICIES, records -> records.stream()
                .anyMatch(r -> r.key().equals(TOWN + "/queue/B") && r.value() == null));
        assertThat(read).anyMatch(r -> r.key().equals(TOWN + "/queue/B") && r.value() != null
                && r.value().getQueueWaitingLimit() == 9);
    }

    @Test
    void aPolicyWithABadKeyOrThresholdIsRefused() {
        HttpResponse<String> badKey = send("PUT", "/api/v1/admin/policies/" + TOWN + "/room/7", "admin", "admin-password", JSON, "{}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("officeId/department|queue|line|mailbox/ID");

        HttpResponse<String> badValue = send("PUT", "/api/v1/admin/policies/" + TOWN, "admin", "admin-password", JSON,
                "{\"queueWaitingLimit\":0,\"emailReplyHours\":\"soon\"}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.body()).contains("emailReplyHours");
    }

    @Test
    void onlyAnAdminMayChangeTheDirectory() {
        HttpResponse<String> response = send("PUT", "/api/v1/admin/policies/" + TOWN, "supervisor", "supervisor-password", JSON,
                "{\"queueWaitingLimit\":5}");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** PUTs a new office as the admin and waits until the directory's store holds it: its JSON form as read back. */
    private String putAndReadBack(String officeId, String body) {
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + officeId, "admin", "admin-password", JSON, body);
        assertThat(put.statusCode()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/admin/offices/" + officeId, "admin", "admin-password"), got -> got.statusCode() == 200)
                .body();
    }
}
