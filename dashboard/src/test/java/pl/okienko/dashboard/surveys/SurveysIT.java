package pl.okienko.dashboard.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.queues.LivePanelRenderer;

/**
 * Client satisfaction (S1) end to end: survey responses posted over HTTP, the exact figures read back from the API
 * and the live panel.
 */
class SurveysIT extends IntegrationTest {

    @Autowired
    LivePanelRenderer panel;

    private static String response(String officeId, String eventId, String occurredAt, String department,
            String channel, String scores) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"survey_response\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"source\":\"it-kiosk\",\"responseId\":\"r-" + eventId
                + "\",\"channel\":\"" + channel + "\"" + (department == null ? "" : ",\"departmentId\":\"" + department + "\"")
                + ",\"scores\":" + scores + "}";
    }

    private void post(String... lines) {
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    }

    @Test
    void shouldCountEachResponseOnceAndServeTheDaysAndTheWeeksExactIndex() {
        String office = registeredOffice("IT-SURVEY");
        String r1 = response(office, "e1", "2026-11-16T09:00:00Z", "WSO", "KIOSK", "{\"q1\":5,\"q2\":4}");
        post(r1,
                response(office, "e2", "2026-11-16T09:01:00Z", "WSO", "WEB", "{\"q1\":3}"),
                response(office, "e3", "2026-11-16T09:02:00Z", "WK", "KIOSK", "{\"q1\":1,\"q2\":2}"),
                // 00:30 on Tuesday in Warsaw
                response(office, "e4", "2026-11-16T23:30:00Z", null, "PAPER", "{\"q2\":5}"),
                response(office, "e5", "2026-11-17T08:00:00Z", "WSO", "KIOSK", "{\"q1\":4,\"q2\":4,\"q3\":2}"));
        post(r1); // redelivered by the kiosk: counts once

        HttpResponse<String> bad = postEvents(ANY_KEY, "application/x-ndjson",
                response(office, "e6", "2026-11-16T10:00:00Z", "WK", "KIOSK", "{\"q1\":6}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("field \\\"scores.q1\\\" must be between 1 and 5, was 6");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode week = surveys(office, "2026-11-17").path("week");
            assertThat(week.path("office").path("responses").asLong()).isEqualTo(5);
        });

        JsonNode monday = surveys(office, "2026-11-16");
        assertThat(monday.path("live").asBoolean()).isFalse();
        JsonNode day = monday.path("day").path("office");
        // r1, r2, r3: q1 5+3+1, q2 4+2: (15 − 5) / (5 × 4) × 100
        assertThat(day.path("responses").asLong()).isEqualTo(3);
        assertThat(day.path("answers").asLong()).isEqualTo(5);
        assertThat(day.path("scoreSum").asLong()).isEqualTo(15);
        assertThat(day.path("meanScore").asDouble()).isEqualTo(3.0);
        assertThat(day.path("index").asDouble()).isEqualTo(50.0);
        assertThat(day.path("questions").path("q1").path("answers").asLong()).isEqualTo(3);
        assertThat(day.path("questions").path("q1").path("scoreSum").asLong()).isEqualTo(9);
        assertThat(monday.path("day").path("departments").path("WSO").path("index").asDouble()).isEqualTo(75.0);
        assertThat(monday.path("day").path("departments").path("WK").path("index").asDouble()).isEqualTo(12.5);
        assertThat(monday.path("day").path("channels").path("KIOSK").path("responses").asLong()).isEqualTo(2);

        JsonNode tuesday = surveys(office, "2026-11-17").path("day").path("office");
        assertThat(tuesday.path("responses").asLong()).isEqualTo(2);
        assertThat(tuesday.path("index").asDouble()).isEqualTo(68.75);

        // the week adds the days' counts and sums: (30 − 9) / 36 × 100, not (50 + 68.75) / 2
        JsonNode week = monday.path("week");
        assertThat(week.path("from").asString()).isEqualTo("2026-11-16");
        assertThat(week.path("to").asString()).isEqualTo("2026-11-22");
        assertThat(week.path("office").path("answers").asLong()).isEqualTo(9);
        assertThat(week.path("office").path("scoreSum").asLong()).isEqualTo(30);
        assertThat(week.path("office").path("index").asDouble()).isCloseTo(2100.0 / 36, within(1e-9));
        assertThat(week.path("departments").path("WSO").path("responses").asLong()).isEqualTo(3);

        HttpResponse<String> page = PageSession.signIn(port, "admin", "admin-password")
                .get("/offices/" + office + "/days/2026-11-16?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"day-surveys\"", "50.0 (n = 5)", "75.0 (n = 3)", "12.5 (n = 2)",
                "Channel KIOSK");

        JsonNode live = surveys(office, null);
        assertThat(live.path("live").asBoolean()).isTrue();
        assertThat(live.path("day").path("office").path("responses").asLong()).isZero();
        assertThat(live.path("day").path("office").path("index").isNull()).isTrue();
        assertThat(panel.render(office, Locale.ENGLISH, Instant.now()).orElseThrow()).doesNotContain("surveys-panel");

        post(response(office, "e7", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "WSO", "KIOSK",
                "{\"q1\":4}"));
        // (4 − 1) / 4 × 100 over one answer, on the API and on the live panel pushed over SSE
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(surveys(office, null).path("day").path("office").path("index").asDouble()).isEqualTo(75.0));
        assertThat(panel.render(office, Locale.ENGLISH, Instant.now()).orElseThrow())
                .contains("data-testid=\"surveys-panel\"", "Client satisfaction (S1)",
                        "data-testid=\"surveys-department-WSO\"", "75.0 (n = 1)");
    }

    private JsonNode surveys(String office, String date) {
        HttpResponse<String> got = get("/api/v1/offices/" + office + "/surveys" + (date == null ? "" : "?date=" + date),
                "admin", "admin-password");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return jsonBody(got);
    }
}
