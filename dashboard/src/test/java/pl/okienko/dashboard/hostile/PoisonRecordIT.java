package pl.okienko.dashboard.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.platform.kafka.SupervisedStreams;
import pl.okienko.schemas.EventJson;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * Poison records of issue 11, written straight to each event family's topic (as a system that skips the
 * API could): a 4 MB compressible value, bytes that are not Avro, a truncated event, and valid Avro that
 * breaks the contract (a 600 KB id, a 200-character id, occurredAt in the year 9000, a key that is not
 * the officeId, a tombstone). Afterwards a good event of the family still counts, exactly, in the family's
 * view; every Kafka Streams application is RUNNING and none failed; and each poison record is on
 * okienko.deadletter with its reason, its value at most 64 KB, the huge ones with the original's size
 * and SHA-256 in headers.
 */
class PoisonRecordIT extends IntegrationTest {

    private static final String OFFICE = "PUP-LDZ";
    /** A past Wednesday no other test writes to for this office. */
    private static final LocalDate DAY = LocalDate.of(2026, 10, 21);
    private static final String MORNING = DAY + "T09:00:00+02:00";
    private static final int MAX_KEEP = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.shared();

    /** One event family: its topic, one valid event of it, and the good events with the figure they make. */
    enum Family {
        QUEUE(Topics.QUEUE_EVENTS, "\"type\":\"ticket_issued\",\"ticketId\":\"T1\",\"queueId\":\"A\"", "q1_waits",
                "\"type\":\"ticket_issued\",\"ticketId\":\"G1\",\"queueId\":\"A\"",
                "\"type\":\"ticket_called\",\"ticketId\":\"G1\",\"deskId\":\"D01\""),
        DESK(Topics.DESK_EVENTS, "\"type\":\"desk_opened\",\"deskId\":\"D03\",\"queueIds\":[\"B\"]", null,
                "\"type\":\"desk_opened\",\"deskId\":\"D02\",\"queueIds\":[\"A\"]"),
        PHONE(Topics.PHONE_EVENTS, "\"type\":\"call_offered\",\"callId\":\"C1\",\"lineId\":\"L-INFO\"", "t1_calls_offered",
                "\"type\":\"call_offered\",\"callId\":\"G1\",\"lineId\":\"L-INFO\""),
        EMAIL(Topics.EMAIL_EVENTS, "\"type\":\"email_received\",\"messageId\":\"M1\",\"mailboxId\":\"M-KANCELARIA\","
                + "\"senderAddress\":\"jan@example.pl\"", "e1_emails_received",
                "\"type\":\"email_received\",\"messageId\":\"G1\",\"mailboxId\":\"M-KANCELARIA\",\"senderAddress\":\"ewa@example.pl\""),
        COMPLAINT(Topics.COMPLAINT_EVENTS, "\"type\":\"complaint_registered\",\"complaintId\":\"K1\",\"kind\":\"COMPLAINT\","
                + "\"registerNumber\":\"R/1\"", "c1_registered",
                "\"type\":\"complaint_registered\",\"complaintId\":\"G1\",\"kind\":\"REQUEST\",\"registerNumber\":\"R/2\""),
        INCIDENT(Topics.INCIDENT_EVENTS, "\"type\":\"incident_reported\",\"incidentId\":\"I1\",\"level\":2,\"channel\":\"IN_PERSON\"",
                "i1_incidents", "\"type\":\"incident_reported\",\"incidentId\":\"G1\",\"level\":1,\"channel\":\"PHONE\"");

        final TopicSpec<String, ? extends SpecificRecord> topic;
        final String poisonPayload;
        /** The days.csv column that counts the good event; the desk family shows in the live desks open instead. */
        final String column;
        final List<String> goodPayloads;

        Family(TopicSpec<String, ? extends SpecificRecord> topic, String poisonPayload, String column, String... goodPayloads) {
            this.topic = topic;
            this.poisonPayload = poisonPayload;
            this.column = column;
            this.goodPayloads = List.of(goodPayloads);
        }
    }

    /** A poison record: its value (null for a tombstone), its key, and the start of the reason it must be refused with. */
    private record Poison(String name, String key, byte[] value, String reason) {
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void shouldDeadLetterEveryPoisonRecordAndStillCountAGoodEventAfterIt(Family family) throws Exception {
        Map<String, Optional<SupervisedStreams.Failure>> failuresBefore = Observatory.failures(streams);
        List<Poison> poisons = poisons(family);
        Map<Long, Poison> byOffset = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Poison poison : poisons) {
                long offset = producer.send(new ProducerRecord<>(family.topic.name(), bytes(poison.key()), poison.value()))
                        .get().offset();
                byOffset.put(offset, poison);
            }
        }

        List<String> good = family.goodPayloads.stream()
                .map(payload -> event(family, unique("good"), family == Family.DESK ? Instant.now().minusSeconds(60).toString() : MORNING,
                        payload))
                .toList();
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", good)).statusCode()).isEqualTo(202);

        PageSession admin = PageSession.signIn(port, "admin", "admin-password");
        await().atMost(Duration.ofSeconds(60)).until(() -> figure(admin, family) >= 1);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = Observatory.deadLetters(cluster, family.topic.name(), byOffset.keySet());
        assertThat(figure(admin, family)).as("the good event counts once, no poison record counts").isEqualTo(1);

        Map<String, Long> byReason = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
            Poison poison = byOffset.get(Long.parseLong(DeadLetterHeader.OFFSET.valueIn(letter.headers())));
            String reason = DeadLetterHeader.REASON.valueIn(letter.headers());
            byReason.merge(poison.name(), 1L, Long::sum);
            assertThat(reason).as(poison.name()).startsWith(poison.reason());
            if (poison.value() != null) {
                assertThat(letter.value().length).as(poison.name()).isLessThanOrEqualTo(MAX_KEEP);
                assertThat(letter.value()).as(poison.name())
                        .isEqualTo(Arrays.copyOf(poison.value(), Math.min(MAX_KEEP, poison.value().length)));
            }
            if (poison.value() != null && poison.value().length > MAX_KEEP) {
                assertThat(DeadLetterHeader.VALUE_SIZE.valueIn(letter.headers())).isEqualTo(String.valueOf(poison.value().length));
                assertThat(DeadLetterHeader.VALUE_SHA256.valueIn(letter.headers())).isEqualTo(sha256(poison.value()));
            }
        }
        System.out.println("PoisonRecordIT " + family + ": " + deadLetters.size() + " dead letters of " + poisons.size()
                + " poison records, by kind " + byReason + "; reasons " + deadLetters.stream()
                .map(letter -> shorten(DeadLetterHeader.REASON.valueIn(letter.headers())))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())));

        assertThat(byReason.keySet()).as("poison records on okienko.deadletter")
                .containsExactlyInAnyOrderElementsOf(poisons.stream().map(Poison::name).toList());
        Observatory.assertRunningWithoutNewFailure(streams, failuresBefore);
    }

    private List<Poison> poisons(Family family) {
        AvroSerde<SpecificRecord> serde = serde(family);
        String simpleName = valid(family, "probe").getClass().getSimpleName();
        byte[] validBytes = serde.toBytes(valid(family, unique("truncated")));
        byte[] huge = new byte[4 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'A');
        byte[] unknownSchema = new byte[64];
        Arrays.fill(unknownSchema, (byte) 7);
        unknownSchema[0] = (byte) 0xC3;
        unknownSchema[1] = 0x01;
        List<Poison> poisons = new ArrayList<>();
        poisons.add(new Poison("huge", OFFICE, huge, "the record has " + huge.length + " bytes, more than the limit of 16384 bytes"));
        poisons.add(new Poison("not Avro", OFFICE, "not avro at all".getBytes(StandardCharsets.UTF_8),
                "not an Avro single-object encoded " + simpleName));
        poisons.add(new Poison("unknown schema", OFFICE, unknownSchema, "unknown writer schema for " + simpleName));
        poisons.add(new Poison("truncated", OFFICE, Arrays.copyOf(validBytes, validBytes.length - 3), "cannot decode " + simpleName));
        poisons.add(new Poison("tombstone", OFFICE, null, "empty value"));

        SpecificRecord longId = valid(family, unique("long"));
        longId.put(longId.getSchema().getField("eventId").pos(), "i".repeat(600_000));
        byte[] longIdBytes = serde.toBytes(longId);
        poisons.add(new Poison("600 KB id", OFFICE, longIdBytes, "the record has " + longIdBytes.length + " bytes"));

        SpecificRecord overLimit = valid(family, unique("over-limit"));
        overLimit.put(overLimit.getSchema().getField("eventId").pos(), "e".repeat(200));
        poisons.add(new Poison("200-character id", OFFICE, serde.toBytes(overLimit),
                "field \"eventId\" may have at most 128 characters, had 200"));

        SpecificRecord future = valid(family, unique("year-9000"));
        future.put(future.getSchema().getField("occurredAt").pos(), Instant.parse("9000-01-01T00:00:00Z"));
        poisons.add(new Poison("year 9000", OFFICE, serde.toBytes(future), "field \"occurredAt\" 9000-01-01T00:00:00Z is more than"));

        poisons.add(new Poison("key not the officeId", TOWN, serde.toBytes(valid(family, unique("key"))),
                "record key must be the officeId \"" + OFFICE + "\", was \"" + TOWN + "\""));
        return poisons;
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serde(Family family) {
        return (AvroSerde<SpecificRecord>) family.topic.valueSerde();
    }

    /** A valid event of the family, decoded from its wire form, at 09:00 of the test's day. */
    private static SpecificRecord valid(Family family, String eventId) {
        return EventJson.decode(event(family, eventId, MORNING, family.poisonPayload), Instant.now());
    }

    private static String event(Family family, String eventId, String occurredAt, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"officeId\":\"" + OFFICE + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"source\":\"poison-it\"," + payload + "}";
    }

    /** The family's figure of the test's day (the desks open now for the desk family), -1 while it is not there. */
    private long figure(PageSession admin, Family family) throws Exception {
        if (family == Family.DESK) {
            var response = admin.get("/api/v1/offices/" + OFFICE + "/queues");
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("office").path("desksOpen").asLong(-1) : -1;
        }
        var response = admin.get("/api/v1/offices/" + OFFICE + "/days.csv?from=" + DAY + "&to=" + DAY);
        if (response.statusCode() != 200) {
            return -1;
        }
        String[] rows = response.body().split("\r\n");
        List<String> header = List.of(rows[0].split(",", -1));
        String cell = rows[1].split(",", -1)[header.indexOf(family.column)];
        return cell.isEmpty() ? -1 : Long.parseLong(cell);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // The 4 MB value passes the producer's own check uncompressed and the broker's 1 MB limit compressed.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
