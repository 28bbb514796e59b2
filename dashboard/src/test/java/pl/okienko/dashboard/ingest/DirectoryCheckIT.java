package pl.okienko.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.topics.Topics;

/**
 * {@code POST /api/v1/events} checks events against the directory (issue 11, finding 6): an unknown
 * office, or a queue its office does not list, is a bad line of the batch, unless the office's policy
 * allows registering units automatically.
 */
class DirectoryCheckIT extends IntegrationTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final JsonMapper JSON = JsonMapper.shared();

    private static String ticketIssued(String eventId, String officeId, String queueId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"ticket_issued\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + java.time.Instant.now() + "\",\"source\":\"qmatic-1\",\"ticketId\":\""
                + queueId + "001\",\"queueId\":\"" + queueId + "\"}";
    }

    @Test
    void shouldRefuseABatchWithAnEventForAnOfficeNotInTheDirectoryNamingItAndWriteNothing() {
        String batch = unique("nope");
        String body = ticketIssued(batch + "-1", TOWN, "A") + "\n" + ticketIssued(batch + "-2", "NOPE", "A") + "\n";

        HttpResponse<String> response = postEvents(ANY_KEY, NDJSON, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jsonBody(response).path("detail").asString()).isEqualTo("1 line is not valid events; nothing of the batch was written");
        assertThat(jsonBody(response).path("errors").toString())
                .startsWith("[{\"line\":2,\"message\":\"office NOPE is not in the directory").doesNotContain("\"line\":1");
        // A later batch lands in the same partition: once it is read, the refused one would have been too.
        String marker = unique("marker");
        assertThat(postEvents(ANY_KEY, NDJSON, ticketIssued(marker, TOWN, "A")).statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, QueueEvent>> read = readUntil(Topics.QUEUE_EVENTS,
                records -> records.stream().anyMatch(r -> r.value().getEventId().equals(marker)));
        assertThat(read).noneMatch(r -> r.value().getEventId().startsWith(batch));
    }

    @Test
    void shouldRefuseAnEventForAQueueItsOfficeDoesNotListNamingIt() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticketIssued(unique("z"), TOWN, "Z"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jsonBody(response).path("errors").toString()).isEqualTo("[{\"line\":1,\"message\":\"queue Z is not in the directory of "
                + "office UM-JED: register it, or set autoRegisterUnits in the office's policy\"}]");
    }

    @Test
    void shouldAcceptAndCountAnUnlistedQueueOnceTheOfficesPolicyAllowsRegisteringItAutomatically() throws Exception {
        String office = unique("IT-AUTO");
        assertThat(send("PUT", "/api/v1/admin/offices/" + office, "admin", "admin-password", "application/json",
                "{\"name\":\"Auto\",\"queues\":[{\"queueId\":\"A\",\"name\":\"Sprawy ogólne\"}]}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/offices/" + office, "admin", "admin-password")
                .statusCode() == 200);
        String event = ticketIssued(unique("auto"), office, "Z");
        assertThat(postEvents(ANY_KEY, NDJSON, event).statusCode()).as("the default refuses it").isEqualTo(400);

        HttpResponse<String> policy = send("PUT", "/api/v1/admin/policies/" + office, "admin", "admin-password",
                "application/json", "{\"autoRegisterUnits\":true}");

        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        // the policy applies once the directory store has read it
        await().atMost(Duration.ofSeconds(30)).until(() -> postEvents(ANY_KEY, NDJSON, event).statusCode() == 202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode queues = JSON.readTree(get("/api/v1/offices/" + office + "/queues", "admin", "admin-password").body());
            assertThat(queues.path("queues")).extracting(q -> q.path("id").asString()).containsExactlyInAnyOrder("A", "Z");
            assertThat(waitingNow(queues, "Z")).isEqualTo(1);
        });
    }

    private static int waitingNow(JsonNode view, String queueId) {
        return element(view.path("queues"), "id", queueId).path("waitingNow").asInt();
    }
}
