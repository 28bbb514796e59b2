package pl.okienko.dashboard.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.platform.kafka.SupervisedStreams;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

/**
 * Records stamped up to a day ahead (the contract's {@code occurredAt} window, which the event topics take)
 * must be taken by every topic the topologies write them on: their state stores' changelogs, the alerts
 * and the dead-letter topic. The broker's default (an hour ahead) refused them, and the topology that
 * wrote one failed again after every restart, because the record was still there.
 */
class EventTimeWindowIT extends IntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void shouldCountTicketsTwentyThreeHoursAheadWithoutStoppingTheQueueTopology() throws Exception {
        Map<String, Optional<SupervisedStreams.Failure>> failuresBefore = Observatory.failures(streams);
        Instant ahead = Instant.now().plus(Duration.ofHours(23)).truncatedTo(ChronoUnit.SECONDS);
        String ticket = unique("ahead");
        String body = event("ticket_issued", ticket, ahead, "\"queueId\":\"A\"") + "\n"
                + event("ticket_called", ticket, ahead.plusSeconds(60), "\"deskId\":\"D01\"");

        assertThat(postEvents(ANY_KEY, "application/x-ndjson", body).statusCode()).isEqualTo(202);

        PageSession admin = PageSession.signIn(port, "admin", "admin-password");
        String path = "/api/v1/offices/" + COUNTY + "/queues?date=" + LocalDate.ofInstant(ahead.plusSeconds(60), WARSAW);
        await().atMost(Duration.ofSeconds(30)).until(() -> waits(admin, path) >= 1);
        assertThat(waits(admin, path)).isEqualTo(1);
        // The view shows the ticket before its changelog records are committed: the failure came a moment later.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> Observatory.assertRunningWithoutNewFailure(streams, failuresBefore));
    }

    @Test
    void shouldDeadLetterARecordStampedTwentyHoursAheadWithoutStoppingItsTopology() throws Exception {
        Map<String, Optional<SupervisedStreams.Failure>> failuresBefore = Observatory.failures(streams);
        long stamp = Instant.now().plus(Duration.ofHours(20)).toEpochMilli();
        long offset;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            offset = producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS.name(), null, stamp,
                    COUNTY.getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8))).get().offset();
        }

        ConsumerRecord<byte[], byte[]> letter = Observatory.deadLetters(cluster, Topics.INCIDENT_EVENTS.name(), Set.of(offset)).get(0);

        assertThat(DeadLetterHeader.REASON.valueIn(letter.headers())).startsWith("not an Avro single-object encoded IncidentEvent");
        assertThat(letter.timestamp()).isEqualTo(stamp);
        Observatory.assertRunningWithoutNewFailure(streams, failuresBefore);
    }

    private static String event(String type, String ticket, Instant at, String field) {
        return "{\"eventId\":\"" + type + "-" + ticket + "\",\"type\":\"" + type + "\",\"officeId\":\"" + COUNTY
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"window-it\",\"ticketId\":\"" + ticket + "\"," + field + "}";
    }

    private static long waits(PageSession admin, String path) throws Exception {
        var response = admin.get(path);
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("office").path("waitTime").path("count").asLong() : -1;
    }

    private Map<String, Object> config(Object... entries) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        for (int i = 0; i < entries.length; i += 2) {
            config.put((String) entries[i], entries[i + 1]);
        }
        return config;
    }
}
