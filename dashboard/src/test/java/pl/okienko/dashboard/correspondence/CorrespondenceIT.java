package pl.okienko.dashboard.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.queues.LivePanelRenderer;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.schemas.EventJson;
import pl.okienko.schemas.PersonalData;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.simulator.correspondence.CorrespondenceTraffic;
import pl.okienko.topics.Topics;

/** E-mail and complaints (E1, E2, C1) end to end: real HTTP in, real broker, real topology, real HTTP out. */
class CorrespondenceIT extends IntegrationTest {

    @Autowired
    LivePanelRenderer panel;

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void shouldServeEveryDaysFiguresOfAReplayedQuarterThroughTheApi() {
        LocalDate from = LocalDate.now(WARSAW).minusDays(400);
        LocalDate to = from.plusDays(91);
        List<SpecificRecord> events = CorrespondenceTraffic.history(SampleOffices.byId(TOWN), from, to, 11);
        Map<LocalDate, long[]> expected = ledger(events);

        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson",
                events.stream().map(EventJson::encodeToString).collect(Collectors.joining("\n")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
                JsonNode email = json(get("/api/v1/offices/" + TOWN + "/email?date=" + day, "admin", "admin-password"));
                JsonNode complaints = json(get("/api/v1/offices/" + TOWN + "/complaints?date=" + day, "admin",
                        "admin-password"));
                long[] want = expected.getOrDefault(day, new long[4]);
                assertThat(new long[] {email.path("office").path("received").asLong(),
                        email.path("office").path("respondedLate").asLong(),
                        email.path("office").path("closedWithoutReply").asLong(),
                        complaints.path("office").path("registered").asLong()})
                        .as("received, late, closed without reply, complaints registered on %s", day)
                        .containsExactly(want);
                assertThat(email.path("live").asBoolean()).isFalse();
            }
        });
    }

    @Test
    void shouldRaiseEmailOverdueOnTheRunningAppWithNoOtherEventAndClearItOnTheReply() {
        String messageId = unique("it-mail");
        Instant due = Instant.now().plusSeconds(4);
        postOne(email(messageId + "-r", due.minus(Duration.ofHours(24)),
                new EmailReceived(messageId, "M-SEKRETARIAT", "ktos@example.pl", true, null)));

        JsonNode raised = await().atMost(Duration.ofSeconds(30)).until(() -> emailAlert(messageId), a -> a != null);
        assertThat(raised.path("state").asString()).isEqualTo("RAISED");
        assertThat(raised.path("rule").asString()).isEqualTo("E1");
        assertThat(Instant.parse(raised.path("raisedAt").asString())).isAfter(due);
        JsonNode live = json(get("/api/v1/offices/" + TOWN + "/email", "supervisor", "supervisor-password"));
        assertThat(live.path("overdue").findValuesAsString("messageId")).contains(messageId);
        // the live panel pushed over SSE every 2 s carries the e-mail section with the overdue item
        assertThat(panel.render(TOWN, Locale.forLanguageTag("pl"), Instant.now()).orElseThrow())
                .contains("data-testid=\"email-panel\"").contains("data-testid=\"email-" + messageId + "\"")
                .contains("Po terminie (E1)");

        postOne(email(messageId + "-x", Instant.now(), new EmailReplied(messageId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> emailAlert(messageId) == null);
        assertThat(json(get("/api/v1/offices/" + TOWN + "/email", "admin", "admin-password")).path("open")
                .findValuesAsString("messageId")).doesNotContain(messageId);
    }

    @Test
    void shouldMoveTheDueWithAHoldingReplyAndCountASpamCloseAsNoBreach() {
        String held = unique("it-held");
        String spam = unique("it-spam");
        Instant received = Instant.now().minus(Duration.ofHours(2));
        Instant promised = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        postOne(email(held + "-r", received, new EmailReceived(held, "M-USC", "a@example.pl", false, null)));
        postOne(email(held + "-h", received.plusSeconds(600), new HoldingReplySent(held, promised)));
        postOne(email(spam + "-r", received, new EmailReceived(spam, "M-USC", "b@example.pl", false, null)));
        postOne(email(spam + "-c", received.plusSeconds(60), new EmailClosed(spam,
                pl.okienko.events.email.EmailCloseReason.SPAM)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode open = json(get("/api/v1/offices/" + TOWN + "/email", "admin", "admin-password")).path("open");
            JsonNode item = element(open, "messageId", held);
            assertThat(Instant.parse(item.path("dueAt").asString())).isEqualTo(promised);
            assertThat(item.path("responded").asBoolean()).isTrue();
            assertThat(open.findValuesAsString("messageId")).doesNotContain(spam);
        });
    }

    @Test
    void shouldPseudonymiseTheSenderAddressBeforeItIsWritten() {
        String eventId = unique("it-sender");
        postOne(email(eventId, Instant.now(), new EmailReceived(unique("m"), "M-SEKRETARIAT",
                "Jan.Kowalski@Example.PL", false, null)));

        EmailEvent written = readUntil(Topics.EMAIL_EVENTS, read -> read.stream()
                .anyMatch(r -> r.value().getEventId().equals(eventId))).stream()
                .map(r -> r.value()).filter(e -> e.getEventId().equals(eventId)).findFirst().orElseThrow();
        String sender = ((EmailReceived) written.getPayload()).getSenderAddress();
        assertThat(sender).startsWith(PersonalData.PREFIX).doesNotContainIgnoringCase("kowalski");
    }

    @Test
    void shouldScopeTheApisByOfficeAndExplainABadDate() {
        assertThat(status("/api/v1/offices/" + COUNTY + "/email", "supervisor", "supervisor-password")).isEqualTo(403);
        assertThat(status("/api/v1/offices/" + COUNTY + "/complaints", "supervisor", "supervisor-password")).isEqualTo(403);
        HttpResponse<String> bad = get("/api/v1/offices/" + TOWN + "/complaints?date=1.2.2026", "admin", "admin-password");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("YYYY-MM-DD");
        assertThat(status("/api/v1/offices/NO-SUCH-OFFICE/email", "admin", "admin-password")).isEqualTo(404);
        assertThat(status("/api/v1/offices/" + TOWN + "/complaints", "admin", "admin-password")).isEqualTo(200);
    }

    /** Per office-local day: e-mails received, first response after 24 h, closed without reply; complaints registered. */
    private static Map<LocalDate, long[]> ledger(List<SpecificRecord> events) {
        Map<String, Instant> received = new HashMap<>();
        Map<String, Instant> firstResponse = new HashMap<>();
        Map<String, Boolean> replied = new HashMap<>();
        Map<String, Boolean> closed = new HashMap<>();
        Map<LocalDate, long[]> days = new HashMap<>();
        for (SpecificRecord event : events) {
            if (event instanceof EmailEvent e) {
                Object p = e.getPayload();
                if (p instanceof EmailReceived r) {
                    received.put(r.getMessageId(), e.getOccurredAt());
                } else if (p instanceof HoldingReplySent h) {
                    firstResponse.putIfAbsent(h.getMessageId(), e.getOccurredAt());
                } else if (p instanceof EmailReplied r) {
                    firstResponse.putIfAbsent(r.getMessageId(), e.getOccurredAt());
                    replied.put(r.getMessageId(), true);
                } else if (p instanceof EmailClosed c) {
                    closed.put(c.getMessageId(), true);
                }
            } else if (event instanceof ComplaintEvent c && c.getPayload() instanceof ComplaintRegistered) {
                days.computeIfAbsent(c.getOccurredAt().atZone(WARSAW).toLocalDate(), d -> new long[4])[3]++;
            }
        }
        received.forEach((id, at) -> {
            long[] day = days.computeIfAbsent(at.atZone(WARSAW).toLocalDate(), d -> new long[4]);
            day[0]++;
            Instant first = firstResponse.get(id);
            if (first != null && first.isAfter(at.plus(Duration.ofHours(24)))) {
                day[1]++;
            }
            if (closed.containsKey(id) && !replied.containsKey(id)) {
                day[2]++;
            }
        });
        return days;
    }

    private JsonNode emailAlert(String messageId) {
        for (JsonNode alert : json(get("/api/v1/alerts?officeId=" + TOWN, "admin", "admin-password"))) {
            if ("EMAIL_OVERDUE".equals(alert.path("type").asString()) && messageId.equals(alert.path("subjectId").asString())) {
                return alert;
            }
        }
        return null;
    }

    private void postOne(SpecificRecord event) {
        HttpResponse<String> response = postEvents(ANY_KEY, "application/json", EventJson.encodeToString(event));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static EmailEvent email(String eventId, Instant at, Object payload) {
        return new EmailEvent(eventId, TOWN, at, "it-mail", payload);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
