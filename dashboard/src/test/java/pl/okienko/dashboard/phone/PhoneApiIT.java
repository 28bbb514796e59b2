package pl.okienko.dashboard.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.processors.phone.PhoneStore;
import pl.okienko.topics.Topics;

/**
 * The phone API (T1–T4, I2) on the running application: a scripted day sent over HTTP gives exactly
 * the figures computed here by hand; a promised callback that falls due raises CALLBACK_OVERDUE
 * with no other event and clears it when met; no raw number is found in any topic, store, log line
 * or response.
 */
@ExtendWith(OutputCaptureExtension.class)
class PhoneApiIT extends IntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final JsonMapper JSON = JsonMapper.shared();
    /** A Wednesday, business hours by default 08:00–16:00. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    private static final String SCRIPTED = "IT-PHONE";
    private static final String LIVE = "IT-PHONE-LIVE";
    private static final String NO_LEAK = "IT-PHONE-PRIVACY";

    private final List<String> responses = new ArrayList<>();

    @Test
    void shouldServeExactFiguresOfAScriptedDayThroughDate() {
        List<String> lines = List.of(
                offered("a1", "LA", "+48 501 000 001", "09:00:00"),
                answered("a1", 2, "09:00:07"),
                promised("p1", "a1", "+48 501 000 001", "11:30:00", "09:03:00"),
                ended("a1", false, "09:03:07"),
                offered("a2", "LA", "+48 501 000 002", "09:05:00"),
                answered("a2", 5, "09:05:25"),
                ended("a2", false, "09:06:25"),
                offered("a3", "LA", null, "09:10:00"),
                unanswered("a3", "ABANDONED", "09:10:30"),
                offered("a4", "LA", "+48 501 000 003", "10:15:00"),
                unanswered("a4", "NO_ANSWER", "10:16:00"),
                offered("b1", "LB", "+48 501 000 004", "10:20:00"),
                answered("b1", null, "10:20:09"),
                ended("b1", true, "10:21:09"),
                offered("b2", "LB", "+48 501 000 005", "10:30:00"),
                unanswered("b2", "BUSY", "10:30:00"),
                outbound("o1", "LA", "501000003", true, "11:00:00"),
                outbound("o2", "LA", "+48501000001", false, "11:45:00"),
                offered("b4", "LB", "0048 501 000 005", "13:00:00"),
                answered("b4", null, "13:00:20"),
                ended("b4", false, "13:05:20"),
                offered("b3", "LB", "+48 501 000 006", "15:30:00"),
                unanswered("b3", "NO_ANSWER", "15:31:00"));
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines)).statusCode()).isEqualTo(202);

        String path = "/api/v1/offices/" + SCRIPTED + "/phone?date=" + DAY;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(path).path("office").path("offered").asLong()).isEqualTo(8));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(path).path("office").path("meanTalkSeconds").asDouble()).isCloseTo(150.0, within(0.01)));

        JsonNode day = json(path);
        // LA: a1 within (2 rings), a2 later (5 rings), a3 abandoned, a4 no answer; answers 7 s and 25 s; talks 180 s and 60 s
        JsonNode la = line(day, "LA");
        assertCounts(la, Map.of("offered", 4L, "answeredWithinTarget", 1L, "answeredLater", 1L, "abandoned", 1L, "noAnswer", 1L));
        assertThat(la.path("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(16.0, within(0.01));
        assertThat(la.path("meanTalkSeconds").asDouble()).isCloseTo(120.0, within(0.01));
        // LB: b1 within (9 s, no rings), b4 later (20 s), b2 busy, b3 no answer; talks 60 s (ended for abuse) and 300 s
        JsonNode lb = line(day, "LB");
        assertCounts(lb, Map.of("offered", 4L, "answeredWithinTarget", 1L, "answeredLater", 1L, "busy", 1L, "noAnswer", 1L,
                "endedForAbuse", 1L));
        assertThat(lb.path("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(14.5, within(0.01));
        assertThat(lb.path("meanTalkSeconds").asDouble()).isCloseTo(180.0, within(0.01));
        // office: 2 of 8 within target; answers 7+25+9+20 = 61 s over 4; talks 600 s over 4
        JsonNode office = day.path("office");
        assertCounts(office, Map.of("answeredWithinTarget", 2L, "unanswered", 4L, "outboundAttempts", 2L, "outboundConnected", 1L));
        assertThat(office.path("serviceLevel").asDouble()).isCloseTo(0.25, within(1e-9));
        assertThat(office.path("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(15.25, within(0.01));
        // by hour of the offer; 11:00 had only the two callbacks
        assertThat(day.path("hours")).extracting(h -> h.path("id").asString() + "=" + h.path("offered").asLong()
                + "/" + h.path("outboundAttempts").asLong())
                .containsExactly("09=3/0", "10=3/0", "11=0/2", "13=1/0", "15=1/0");

        // due on the day: a4 (12:16, called back 11:00), p1 (11:40, tried 11:45), b2 (12:30, the caller got through 13:00:20)
        JsonNode callbacks = json("/api/v1/offices/" + SCRIPTED + "/callbacks?state=all&date=" + DAY);
        assertThat(callbacks.path("callbacks")).extracting(c -> c.path("obligationId").asString() + ":" + c.path("status").asString())
                .containsExactlyInAnyOrder("T3-a4:MET_ON_TIME", "T4-p1:MET_LATE", "T3-b2:MET_LATE");
        JsonNode summary = callbacks.path("summary");
        assertCounts(summary, Map.of("dueThatDay", 3L, "metOnTime", 1L, "metLate", 2L, "attempts", 2L, "connected", 1L));
        assertThat(summary.path("keptOnTimeRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        // b3, missed at 15:31, falls due 91 business minutes into Thursday: 09:31
        JsonNode thursday = json("/api/v1/offices/" + SCRIPTED + "/callbacks?state=overdue&date=" + DAY.plusDays(1));
        assertThat(thursday.path("callbacks")).singleElement().satisfies(c -> {
            assertThat(c.path("obligationId").asString()).isEqualTo("T3-b3");
            assertThat(Instant.parse(c.path("dueAt").asString())).isEqualTo(at("09:31:00", DAY.plusDays(1)));
        });
    }

    @Test
    void shouldRaiseCallbackOverdueWhenNoCallbackByDueTimeAndClearItWhenMet() {
        Instant now = Instant.now();
        String callbackId = unique("cb");
        // agreed 10 minutes ago minus 4 s: with the default 10 minutes' grace it falls due in 4 s
        Instant agreed = now.minus(Duration.ofMinutes(10)).plusSeconds(4);
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n",
                event(LIVE, "call_offered", now.minusSeconds(5), "\"callId\":\"" + callbackId + "-ring\",\"lineId\":\"LL\""),
                event(LIVE, "callback_promised", now.minusSeconds(30), "\"callbackId\":\"" + callbackId
                        + "\",\"callerNumber\":\"+48 502 111 222\",\"dueAt\":\"" + agreed + "\""))).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json("/api/v1/offices/" + LIVE + "/phone").path("ringingNow").asInt()).isEqualTo(1));

        String alertPrefix = "CALLBACK_OVERDUE:" + LIVE + ":callback:T4-" + callbackId + ":";
        List<ConsumerRecord<String, Alert>> raised = readUntil(Topics.ALERTS, records -> records.stream()
                .anyMatch(r -> r.value().getAlertId().startsWith(alertPrefix)));
        Alert alert = raised.stream().map(ConsumerRecord::value).filter(a -> a.getAlertId().startsWith(alertPrefix))
                .findFirst().orElseThrow();
        assertThat(alert.getType()).isEqualTo(AlertType.CALLBACK_OVERDUE);
        assertThat(alert.getRule()).isEqualTo("T4");
        assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
        JsonNode overdue = json("/api/v1/offices/" + LIVE + "/callbacks?state=overdue");
        assertThat(overdue.path("callbacks")).extracting(c -> c.path("obligationId").asString()).contains("T4-" + callbackId);

        assertThat(postEvents(ANY_KEY, "application/json", event(LIVE, "outbound_call", Instant.now(),
                "\"callId\":\"" + callbackId + "-out\",\"calleeNumber\":\"502111222\",\"connected\":true")).statusCode())
                .isEqualTo(202);
        readUntil(Topics.ALERTS, records -> records.stream().anyMatch(r -> r.value().getAlertId().startsWith(alertPrefix)
                && r.value().getState() == AlertState.CLEARED));
        JsonNode all = json("/api/v1/offices/" + LIVE + "/callbacks?state=all");
        assertThat(all.path("callbacks")).filteredOn(c -> c.path("obligationId").asString().equals("T4-" + callbackId))
                .singleElement().satisfies(c -> {
                    assertThat(c.path("status").asString()).isEqualTo("MET_LATE");
                    assertThat(c.path("metBy").asString()).isEqualTo("CALLBACK_CONNECTED");
                });
    }

    @Test
    void shouldKeepEveryRawNumberOutOfTopicsStoresLogsAndResponses(CapturedOutput output) {
        Instant now = Instant.now();
        String id = unique("privacy");
        List<String> lines = List.of(
                event(NO_LEAK, "call_offered", now.minusSeconds(120), "\"callId\":\"" + id + "-1\",\"lineId\":\"LP\",\"callerNumber\":\"+48 503 777 888\""),
                event(NO_LEAK, "call_unanswered", now.minusSeconds(90), "\"callId\":\"" + id + "-1\",\"reason\":\"ABANDONED\""),
                event(NO_LEAK, "callback_promised", now.minusSeconds(60), "\"callbackId\":\"" + id + "\",\"callerNumber\":\"503 999 111\",\"dueAt\":\""
                        + now.minus(Duration.ofMinutes(10)).plusSeconds(2) + "\""),
                event(NO_LEAK, "outbound_call", now.minusSeconds(30), "\"callId\":\"" + id + "-2\",\"calleeNumber\":\"+48 503 444 555\",\"connected\":false"));
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines)).statusCode()).isEqualTo(202);
        String alertPrefix = "CALLBACK_OVERDUE:" + NO_LEAK + ":callback:T4-" + id + ":";
        List<ConsumerRecord<String, Alert>> alerts = readUntil(Topics.ALERTS,
                records -> records.stream().anyMatch(r -> r.value().getAlertId().startsWith(alertPrefix)));
        List<ConsumerRecord<String, PhoneEvent>> phone = readUntil(Topics.PHONE_EVENTS,
                records -> records.stream().anyMatch(r -> r.value().getEventId().equals(id + "-outbound_call")));
        json("/api/v1/offices/" + NO_LEAK + "/phone");
        json("/api/v1/offices/" + NO_LEAK + "/phone?date=" + LocalDate.now(WARSAW));
        json("/api/v1/offices/" + NO_LEAK + "/callbacks?state=all");

        StringBuilder everything = new StringBuilder();
        phone.forEach(r -> everything.append(r.value()).append('\n'));
        alerts.forEach(r -> everything.append(r.value()).append('\n'));
        everything.append(stores()).append(String.join("\n", responses)).append(output.getAll());
        assertThat(everything).contains(id + "-1");
        for (String number : List.of("503777888", "503 777 888", "503999111", "503 999 111", "503444555", "503 444 555")) {
            assertThat(everything).doesNotContain(number);
        }
    }

    @Test
    void shouldAnswerBadRequestsClearly() {
        assertThat(status("/api/v1/offices/" + SCRIPTED + "/callbacks?state=late", "admin", "admin-password")).isEqualTo(400);
        assertThat(status("/api/v1/offices/" + SCRIPTED + "/phone?date=yesterday", "admin", "admin-password")).isEqualTo(400);
        assertThat(status("/api/v1/offices/NOWHERE-PHONE/phone", "admin", "admin-password")).isEqualTo(404);
        assertThat(status("/api/v1/offices/" + SCRIPTED + "/phone", "supervisor", "supervisor-password")).isEqualTo(403);
        assertThat(status("/api/v1/offices/" + TOWN + "/callbacks", "supervisor", "supervisor-password")).isEqualTo(200);
    }

    /** Every entry of the phone topology's key-value stores, through interactive queries. */
    private String stores() {
        KafkaStreams phone = streams.instance(KafkaConfiguration.PHONE_APPLICATION_ID);
        StringBuilder all = new StringBuilder();
        for (PhoneStore name : PhoneStore.values()) {
            ReadOnlyKeyValueStore<Object, Object> store = phone.store(
                    StoreQueryParameters.fromNameAndType(name.storeName(), QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<Object, Object> it = store.all()) {
                it.forEachRemaining(kv -> all.append(kv.key).append('=').append(kv.value).append('\n'));
            }
        }
        return all.toString();
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = get(path, "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        responses.add(response.body());
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Asserts whole-number figures of a line, the office or a summary, by name, all at once. */
    private static void assertCounts(JsonNode figures, Map<String, Long> expected) {
        Map<String, Long> actual = new HashMap<>();
        expected.keySet().forEach(name -> actual.put(name, figures.path(name).asLong()));
        assertThat(actual).isEqualTo(expected);
    }

    private static JsonNode line(JsonNode view, String lineId) {
        return element(view.path("lines"), "id", lineId);
    }

    private static Instant at(String time, LocalDate date) {
        return LocalDateTime.of(date, java.time.LocalTime.parse(time)).atZone(WARSAW).toInstant();
    }

    private static String offered(String callId, String lineId, String number, String time) {
        return scripted("call_offered", callId, time, "\"lineId\":\"" + lineId + "\""
                + (number == null ? "" : ",\"callerNumber\":\"" + number + "\""));
    }

    private static String answered(String callId, Integer rings, String time) {
        return scripted("call_answered", callId, time, rings == null ? null : "\"rings\":" + rings);
    }

    private static String unanswered(String callId, String reason, String time) {
        return scripted("call_unanswered", callId, time, "\"reason\":\"" + reason + "\"");
    }

    private static String ended(String callId, boolean abuse, String time) {
        return scripted("call_ended", callId, time, "\"endedForAbuse\":" + abuse);
    }

    private static String outbound(String callId, String lineId, String number, boolean connected, String time) {
        return scripted("outbound_call", callId, time, "\"lineId\":\"" + lineId + "\",\"calleeNumber\":\"" + number
                + "\",\"connected\":" + connected);
    }

    private static String promised(String callbackId, String callId, String number, String agreed, String time) {
        return event(SCRIPTED, "callback_promised", at(time, DAY), "\"callbackId\":\"" + callbackId + "\",\"callId\":\""
                + callId + "\",\"callerNumber\":\"" + number + "\",\"dueAt\":\"" + at(agreed, DAY) + "\"",
                SCRIPTED + "-" + callbackId + "-promised");
    }

    private static String scripted(String type, String callId, String time, String extra) {
        return event(SCRIPTED, type, at(time, DAY), "\"callId\":\"" + callId + "\"" + (extra == null ? "" : "," + extra),
                SCRIPTED + "-" + callId + "-" + type);
    }

    private static String event(String office, String type, Instant at, String fields) {
        String id = fields.replaceAll(".*\"(?:callId|callbackId)\":\"([^\"]+)\".*", "$1");
        return event(office, type, at, fields, id.replaceAll("-(ring|out|1|2)$", "") + "-" + type);
    }

    private static String event(String office, String type, Instant at, String fields, String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-pbx\"," + fields + "}";
    }
}
