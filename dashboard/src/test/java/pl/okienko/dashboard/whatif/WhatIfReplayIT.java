package pl.okienko.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.schemas.EventJson;

/**
 * Acceptance (issue 15, what-if): a scripted week of one fresh office's calls, whose answer delays straddle both
 * targets, replayed from the phone topic with the answer target 20 s instead of the default 15 s, gives the service
 * level computed here from the script; the live figures stay those of 15 s; progress is reported while it runs; a
 * discarded job is gone with its internal topics.
 */
class WhatIfReplayIT extends IntegrationTest {

    private static final String OFFICE = "IT-WHATIF";
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Answer delays in seconds of each day's answered calls; the day's number shifts them, so days differ. */
    private static final int[] DELAYS = {4, 9, 15, 16, 17, 18, 19, 20, 21, 24, 33, 60};

    @Test
    void aReplayWithAnotherAnswerTargetGivesTheScriptsServiceLevelAndLeavesTheLiveFigures() throws Exception {
        register();
        Map<LocalDate, int[]> expected = new LinkedHashMap<>(); // offered, within 15 s, within 20 s
        for (int day = 0; day < 5; day++) {
            LocalDate date = MONDAY.plusDays(day);
            expected.put(date, postDay(date, day));
        }
        LocalDate friday = MONDAY.plusDays(4);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(phone(friday).path("office").path("offered").asLong()).isEqualTo(expected.get(friday)[0]));
        Map<LocalDate, String> liveBefore = new LinkedHashMap<>();
        for (LocalDate date : expected.keySet()) {
            JsonNode office = phone(date).path("office");
            assertThat(office.path("offered").asLong()).as(date.toString()).isEqualTo(expected.get(date)[0]);
            assertThat(office.path("answeredWithinTarget").asLong()).as(date.toString()).isEqualTo(expected.get(date)[1]);
            liveBefore.put(date, office.toString());
        }
        long offered = expected.values().stream().mapToLong(e -> e[0]).sum();
        long within15 = expected.values().stream().mapToLong(e -> e[1]).sum();
        long within20 = expected.values().stream().mapToLong(e -> e[2]).sum();

        HttpResponse<String> started = send("POST", "/api/v1/whatif", "admin", "admin-password", "application/json",
                "{\"officeId\":\"" + OFFICE + "\",\"from\":\"" + MONDAY + "\",\"to\":\"" + MONDAY.plusDays(6)
                        + "\",\"policy\":{\"phoneAnswerSeconds\":20}}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/whatif/" + job.path("id").asString());
        assertThat(job.path("state").asString()).isEqualTo("RUNNING");
        assertThat(job.path("progress").path("total").asLong()).isPositive();
        List<JsonNode> answers = new ArrayList<>();
        answers.add(job);
        Instant start = Instant.now();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode answer = JSON.readTree(get(location, "admin", "admin-password").body());
            answers.add(answer);
            return "DONE".equals(answer.path("state").asString());
        });
        Duration took = Duration.between(start, Instant.now());
        for (JsonNode answer : answers) {
            assertThat(answer.path("state").asString()).isIn("RUNNING", "DONE");
            assertThat(answer.path("progress").path("read").asLong())
                    .isLessThanOrEqualTo(answer.path("progress").path("total").asLong());
        }
        JsonNode done = answers.get(answers.size() - 1);
        long total = done.path("progress").path("total").asLong();
        assertThat(done.path("progress").path("read").asLong()).isEqualTo(total);
        assertThat(done.path("progress").path("percent").asInt()).isEqualTo(100);
        // how fast a replay reads, for the limits in the README (printed, never asserted)
        System.out.printf("what-if replay: %d records in %d ms%n", total, took.toMillis());

        JsonNode whatIf = done.path("whatIf");
        assertThat(whatIf.path("offered").asLong()).isEqualTo(offered);
        assertThat(whatIf.path("answeredWithinTarget").asLong()).isEqualTo(within20);
        assertThat(whatIf.path("serviceLevel").asDouble()).isEqualTo((double) within20 / offered);
        JsonNode actual = done.path("actual");
        assertThat(actual.path("offered").asLong()).isEqualTo(offered);
        assertThat(actual.path("answeredWithinTarget").asLong()).isEqualTo(within15);
        assertThat(actual.path("serviceLevel").asDouble()).isEqualTo((double) within15 / offered);
        assertThat(within20).isGreaterThan(within15);
        for (LocalDate date : expected.keySet()) {
            assertThat(phone(date).path("office").toString()).as(date.toString()).isEqualTo(liveBefore.get(date));
        }

        PageSession page = PageSession.signIn(port, "admin", "admin-password");
        HttpResponse<String> jobs = page.get("/whatif/jobs");
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).contains("data-testid=\"whatif-job-" + job.path("id").asString() + "\"")
                .contains("data-state=\"DONE\"");
        assertThat(page.get("/whatif").body()).contains("data-testid=\"whatif-form\"");
        assertThat(PageSession.signIn(port, "supervisor", "supervisor-password").get("/whatif").statusCode())
                .isEqualTo(403);

        HttpResponse<String> discarded = send("DELETE", location, "admin", "admin-password", null, null);
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(get(location, "admin", "admin-password").statusCode()).isEqualTo(404);
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).noneMatch(name -> name.startsWith("okienko-whatif-" + job.path("id").asString()));
        }
    }

    @Test
    void aBadRequestIsRefusedWithItsReason() {
        assertThat(whatIf("admin", "{\"officeId\":\"" + TOWN + "\",\"from\":\"2026-10-05\",\"to\":\"2026-10-04\","
                + "\"policy\":{\"phoneAnswerSeconds\":20}}")).satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.body()).contains("is before from");
                });
        assertThat(whatIf("admin", "{\"officeId\":\"" + TOWN + "\",\"from\":\"2024-10-05\",\"to\":\"2026-10-04\","
                + "\"policy\":{\"phoneAnswerSeconds\":20}}").body()).contains("at most 366 days");
        assertThat(whatIf("admin", "{\"officeId\":\"" + TOWN + "\",\"from\":\"2026-10-05\",\"to\":\"2026-10-06\","
                + "\"policy\":{\"phoneAnswerColour\":20}}").body()).contains("unknown policy key 'phoneAnswerColour'");
        assertThat(whatIf("admin", "{\"officeId\":\"" + TOWN + "\",\"from\":\"2026-10-05\",\"to\":\"2026-10-06\","
                + "\"policy\":{\"phoneAnswerSeconds\":0}}").body()).contains("must be between 1 and 600, was 0");
        assertThat(whatIf("admin", "{\"officeId\":\"NO-SUCH-OFFICE\",\"from\":\"2026-10-05\",\"to\":\"2026-10-06\","
                + "\"policy\":{\"phoneAnswerSeconds\":20}}").statusCode()).isEqualTo(404);
        // an analyst of another office, and a supervisor, who is no analyst
        assertThat(whatIf(THROTTLED_BASIC_USER, "{\"officeId\":\"" + COUNTY + "\",\"from\":\"2026-10-05\","
                + "\"to\":\"2026-10-06\",\"policy\":{\"phoneAnswerSeconds\":20}}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/whatif", "supervisor", "supervisor-password", null, null).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> whatIf(String user, String body) {
        String password = "admin".equals(user) ? "admin-password" : THROTTLED_PASSWORD;
        return send("POST", "/api/v1/whatif", user, password, "application/json", body);
    }

    private void register() {
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + OFFICE, "admin", "admin-password",
                "application/json", "{\"name\":\"What-if office\",\"timeZone\":\"Europe/Warsaw\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** Posts one day's calls; returns what the script says of it: offered, answered within 15 s, within 20 s. */
    private int[] postDay(LocalDate date, int day) {
        StringBuilder ndjson = new StringBuilder();
        int offered = 0;
        int within15 = 0;
        int within20 = 0;
        Instant at = date.atTime(9, 0).atZone(WARSAW).toInstant();
        for (int i = 0; i < DELAYS.length + day; i++) {
            String callId = "wi-" + date + "-" + i;
            offered++;
            append(ndjson, event(callId + "-o", at, new CallOffered(callId, "L-1", null)));
            if (i >= DELAYS.length) {
                // the day's extra calls: the caller hung up
                append(ndjson, event(callId + "-u", at.plusSeconds(30), new CallUnanswered(callId, UnansweredReason.ABANDONED)));
            } else {
                int delay = DELAYS[(i + day) % DELAYS.length];
                within15 += delay <= 15 ? 1 : 0;
                within20 += delay <= 20 ? 1 : 0;
                append(ndjson, event(callId + "-a", at.plusSeconds(delay), new CallAnswered(callId, null, "201")));
                append(ndjson, event(callId + "-e", at.plusSeconds(delay + 120), new CallEnded(callId, false)));
            }
            at = at.plusSeconds(600);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = postEvents(ANY_KEY, "application/x-ndjson", ndjson.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        });
        return new int[] {offered, within15, within20};
    }

    private static PhoneEvent event(String eventId, Instant at, Object payload) {
        return new PhoneEvent(eventId, OFFICE, at, "it-pbx", payload);
    }

    private static void append(StringBuilder ndjson, PhoneEvent event) {
        ndjson.append(EventJson.encodeToString(event)).append('\n');
    }

    private JsonNode phone(LocalDate date) throws Exception {
        HttpResponse<String> response = get("/api/v1/offices/" + OFFICE + "/phone?date=" + date, "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
