package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

/**
 * Acceptance of the foundation issue (Q1): the running application on a real embedded KRaft
 * broker, fed over real HTTP, gives back exactly the figures computed independently here.
 */
class QueueAcceptanceIT extends IntegrationTest {

    private static final String KEY = ANY_KEY;
    private static final String USER = "admin";
    private static final String PASSWORD = "admin-password";

    private HttpClientSupport client;

    @BeforeEach
    void client() {
        client = new HttpClientSupport("http://localhost:" + port);
    }

    @Test
    void shouldReturnExactStatisticsOfAScriptedDayReplayedFromLastYear() {
        LocalDate lastYear = LocalDate.now(ScriptedDay.WARSAW).minusYears(1);
        ScriptedDay day = ScriptedDay.of("IT-PAST", lastYear, List.of("A", "B", "C"), 60, 11);

        assertThat(client.postEvents(KEY, day.lines()).status()).isEqualTo(202);
        String path = "/api/v1/offices/IT-PAST/queues?date=" + lastYear;
        long expectedWaits = day.expectedOfficeWait().count();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                client.get(path, USER, PASSWORD).json().path("office").path("waitTime").path("count").asLong())
                .isEqualTo(expectedWaits));

        JsonNode view = client.get(path, USER, PASSWORD).json();
        assertStats(view.path("office").path("waitTime"), day.expectedOfficeWait());
        assertStats(view.path("office").path("serviceTime"), day.expectedOfficeService());
        for (String queue : List.of("A", "B", "C")) {
            JsonNode q = queueNode(view, queue);
            assertStats(q.path("waitTime"), day.expectedWait(queue));
            assertStats(q.path("serviceTime"), day.expectedService(queue));
        }
    }

    @Test
    void shouldCountTodaysTicketsLiveAndADuplicateEventOnce() throws InterruptedException {
        awaitRoomInTheOfficeDay();
        Instant now = Instant.now();
        List<String> lines = List.of(
                event("IT-LIVE-1", "ticket_issued", now.minusSeconds(600), "T1", "\"queueId\":\"A\""),
                event("IT-LIVE-2", "ticket_issued", now.minusSeconds(500), "T2", "\"queueId\":\"A\""),
                event("IT-LIVE-3", "ticket_issued", now.minusSeconds(400), "T3", "\"queueId\":\"A\""),
                event("IT-LIVE-4", "ticket_called", now.minusSeconds(300), "T1", "\"deskId\":\"D1\""));
        assertThat(client.postEvents(KEY, lines).status()).isEqualTo(202);
        // the same call delivered again, in a batch of its own
        assertThat(client.postEvents(KEY, List.of(lines.get(3))).status()).isEqualTo(202);
        // and a real second event after it, so we know the duplicate was processed before we look
        assertThat(client.postEvents(KEY, List.of(
                event("IT-LIVE-5", "ticket_called", now.minusSeconds(200), "T2", "\"deskId\":\"D1\""))).status())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode a = queueNode(client.get("/api/v1/offices/IT-LIVE/queues", USER, PASSWORD).json(), "A");
            assertThat(a.path("waitTime").path("today").path("count").asLong()).isEqualTo(2);
        });
        JsonNode a = queueNode(client.get("/api/v1/offices/IT-LIVE/queues", USER, PASSWORD).json(), "A");
        assertThat(a.path("waitingNow").asInt()).isEqualTo(1);
        // waits of 300 s and 300 s
        assertThat(a.path("waitTime").path("today").path("meanSeconds").asDouble()).isEqualTo(300.0);
        assertThat(a.path("waitTime").path("last15Minutes").path("count").asLong()).isEqualTo(2);
        assertThat(a.path("longestWaitSeconds").asLong()).isBetween(400L, 460L);
    }

    /**
     * The script spans the ten minutes before now and is read within a minute or two: all of it must
     * fall on the office's today (Europe/Warsaw, the default). Between 23:58 and 00:11 office time it
     * would not, so the test waits until 00:11.
     */
    private static void awaitRoomInTheOfficeDay() throws InterruptedException {
        ZonedDateTime local = ZonedDateTime.now(ScriptedDay.WARSAW);
        ZonedDateTime nextMidnight = local.toLocalDate().plusDays(1).atStartOfDay(ScriptedDay.WARSAW);
        ZonedDateTime lastMidnight = local.toLocalDate().atStartOfDay(ScriptedDay.WARSAW);
        if (Duration.between(local, nextMidnight).compareTo(Duration.ofMinutes(2)) < 0) {
            Thread.sleep(Duration.between(local, nextMidnight.plusMinutes(11)).toMillis());
        } else if (Duration.between(lastMidnight, local).compareTo(Duration.ofMinutes(11)) < 0) {
            Thread.sleep(Duration.between(local, lastMidnight.plusMinutes(11)).toMillis());
        }
    }

    @Test
    void shouldSendAnUndecodableRecordToTheDeadLetterTopicAndGoOn() {
        byte[] garbage = ("garbage-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.QUEUE_EVENTS.name(), "IT-DLQ", garbage));
        }
        Instant now = Instant.now();
        assertThat(client.postEvents(KEY, List.of(
                event("IT-DLQ", "IT-DLQ-1", "ticket_issued", now.minusSeconds(60), "X1", "\"queueId\":\"A\"")))
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                queueNode(client.get("/api/v1/offices/IT-DLQ/queues", USER, PASSWORD).json(), "A")
                        .path("waitingNow").asInt()).isEqualTo(1));

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DEADLETTER.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(r -> java.util.Arrays.equals(r.value(), garbage));
            });
        }
        ConsumerRecord<byte[], byte[]> letter = dead.stream()
                .filter(r -> java.util.Arrays.equals(r.value(), garbage)).findFirst().orElseThrow();
        assertThat(DeadLetterHeader.REASON.valueIn(letter.headers()))
                .contains("not an Avro single-object encoded QueueEvent");
        assertThat(DeadLetterHeader.TOPIC.valueIn(letter.headers()))
                .isEqualTo(Topics.QUEUE_EVENTS.name());
    }

    private static String event(String id, String type, Instant at, String ticket, String extra) {
        return event("IT-LIVE", id, type, at, ticket, extra);
    }

    static String event(String office, String id, String type, Instant at, String ticket, String extra) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office + "\",\"occurredAt\":\"" + at
                + "\",\"source\":\"it-script\",\"ticketId\":\"" + ticket + "\"," + extra + "}";
    }

    private static JsonNode queueNode(JsonNode view, String queueId) {
        return element(view.path("queues"), "id", queueId);
    }

    private static void assertStats(JsonNode actual, ScriptedDay.Expected expected) {
        assertThat(actual.path("count").asLong()).isEqualTo(expected.count());
        assertThat(actual.path("meanSeconds").asDouble()).isCloseTo(expected.mean(), within(1e-9));
        assertThat(actual.path("maxSeconds").asDouble()).isEqualTo(expected.max());
        assertThat(actual.path("p50Seconds").asDouble()).isCloseTo(expected.p50(), within(expected.p50() * 0.01));
        assertThat(actual.path("p90Seconds").asDouble()).isCloseTo(expected.p90(), within(expected.p90() * 0.01));
    }
}
