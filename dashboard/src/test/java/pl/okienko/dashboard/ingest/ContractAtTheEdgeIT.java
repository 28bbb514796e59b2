package pl.okienko.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.SupervisedStreams;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.processors.queues.QueueStore;
import pl.okienko.topics.Topics;

/**
 * Issue 11, findings 1–5, over real HTTP against the running application: what the topologies would
 * dead-letter or the broker would refuse is answered 400 naming the field and the limit, never 202,
 * 500 or a 503 that no retry can change; what the contract allows (a day ahead, years ago) is written.
 */
class ContractAtTheEdgeIT extends IntegrationTest {

    private static final String NDJSON = "application/x-ndjson";

    private static String ticket(String eventId, String occurredAt, String queueId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"ticket_issued\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"source\":\"qmatic-1\",\"ticketId\":\"T1\",\"queueId\":\""
                + queueId + "\"}";
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void anIdOfHalfAMegabyteIsRefusedNamingTheFieldAndTheLimit() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticket(unique("huge"), now(), "Q".repeat(500 * 1024)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":1", "field \\\"queueId\\\" may have at most 128 characters, had 512000");
    }

    @Test
    void anEventOverAMegabyteIsRefusedWith400NotRetried() {
        String callId = "c".repeat(1_200_000);
        String call = "{\"eventId\":\"" + unique("big-call") + "\",\"type\":\"call_offered\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + now() + "\",\"source\":\"qmatic-1\",\"callId\":\"" + callId + "\",\"lineId\":\"L1\"}";

        HttpResponse<String> response = postEvents(ANY_KEY, "application/json", call);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("field \\\"callId\\\" may have at most 128 characters");
    }

    @Test
    void anEventADayAheadIsWrittenNotRefusedByTheBroker() {
        String eventId = unique("ahead");
        String occurredAt = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS).toString();

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticket(eventId, occurredAt, "A"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<ConsumerRecord<String, QueueEvent>> read = readUntil(Topics.QUEUE_EVENTS,
                records -> records.stream().anyMatch(r -> r.value().getEventId().equals(eventId)));
        assertThat(read).filteredOn(r -> r.value().getEventId().equals(eventId)).singleElement()
                .satisfies(r -> assertThat(r.timestamp()).isEqualTo(Instant.parse(occurredAt).toEpochMilli()));
        // Processed: its id is in the queue topology's changelog of event ids (a batch written at the commit), and the
        // topology did not stop on what it wrote for it.
        awaitValueOn("okienko-queues-" + QueueStore.SEEN_EVENTS.storeName() + "-log-changelog", eventId);
        SupervisedStreams queues = streams.application(KafkaConfiguration.QUEUES_APPLICATION_ID);
        assertThat(queues.lastFailure()).isEmpty();
        assertThat(queues.current().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private void awaitValueOn(String topic, String part) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(part)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void anEventMoreThanADayAheadIsRefusedWith400() {
        String occurredAt = Instant.now().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS).toString();

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticket(unique("far"), occurredAt, "A"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is more than 24 hours ahead of the receiving clock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "2026-11-21t08:00:00z", "2026-11-21T08:00:00+01:00:00", "2026-11-21T08:00:00-00:00"})
    void anInstantOutsideTheContractIsA400NotA500(String occurredAt) {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticket(unique("when"), occurredAt, "A"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("occurredAt").doesNotContain("Exception");
    }

    @Test
    void anEventOfLongAgoIsAccepted() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticket(unique("old"), "1999-08-02T09:00:00+02:00", "A"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "0001-01-01", "1969-12-31", "2026-13-01", "yesterday"})
    void aDayOutsideTheCalendarIsA400NotA500(String date) {
        HttpResponse<String> response = get("/api/v1/offices/" + TOWN + "/queues?date=" + date, "admin", "admin-password");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("date").doesNotContain("Exception");
    }

    @Test
    void idsWithTheKeySeparatorAndBlankOptionalIdsAreRefusedNotAcceptedAndDeadLettered() {
        String started = "{\"eventId\":\"" + unique("blank-desk") + "\",\"type\":\"service_started\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + now() + "\",\"source\":\"qmatic-1\",\"ticketId\":\"T1\",\"deskId\":\"\"}";
        String body = ticket(unique("pipe"), now(), "A|B") + "\n" + started + "\n";

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":1", "must not contain '|'", "\"line\":2",
                "field \\\"deskId\\\" must not be blank");
    }

    @Test
    void aNegativeAnnouncedPauseIsRefused() {
        String paused = "{\"eventId\":\"" + unique("pause") + "\",\"type\":\"service_paused\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + now() + "\",\"source\":\"qmatic-1\",\"ticketId\":\"T1\",\"announcedMinutes\":-5}";

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, paused);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("announcedMinutes", "between 0 and 1440");
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() throws Exception {
        byte[] good = ticket(unique("utf8"), now(), "A").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        // An overlong encoding of '/', which a lenient decoder replaces by U+FFFD, inside the JSON text.
        bad[good.length - 3] = (byte) 0xC0;
        bad[good.length - 2] = (byte) 0xAF;
        bad[good.length - 1] = '"';
        bad[good.length] = '}';
        bad[good.length + 1] = '\n';
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                .header("X-Api-Key", TOWN_KEY).header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bad)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8");
    }

    @Test
    void aPersonalFieldSentAsANumberIsNotEchoedBack() {
        String call = "{\"eventId\":\"" + unique("echo") + "\",\"type\":\"call_offered\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + now() + "\",\"source\":\"pbx\",\"callId\":\"c-1\",\"lineId\":\"L1\","
                + "\"callerNumber\":601777128}";

        HttpResponse<String> response = postEvents(ANY_KEY, "application/json", call);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("callerNumber").doesNotContain("601777128");
    }
}
