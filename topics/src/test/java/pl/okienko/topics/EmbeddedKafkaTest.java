package pl.okienko.topics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.events.queue.QueueEvent;

class EmbeddedKafkaTest {

    @TempDir
    static Path sharedDirectory;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        // Checks retention every 200 ms so that a wrongly configured retention would delete old records during the test.
        kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDataDirectory(sharedDirectory)
                .withBrokerPort(0)
                .withProperty("log.retention.check.interval.ms", "200"));
        try (Admin admin = KafkaTestSupport.admin(kafka.bootstrapServers())) {
            new TopicProvisioner(admin, TopicSettings.defaults()).provision();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldKeepRecordsAcrossRestart(@TempDir Path directory) throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        TopicSpec<String, QueueEvent> topic = Topics.QUEUE_EVENTS;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<QueueEvent> sent = IntStream.range(0, 10)
                .mapToObj(i -> KafkaTestSupport.ticketIssued("office-" + (i % 3), i, now.plusSeconds(i)))
                .toList();

        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.start(options)) {
            clusterId = first.clusterId();
            try (Admin admin = KafkaTestSupport.admin(first.bootstrapServers())) {
                new TopicProvisioner(admin, TopicSettings.defaults()).provision();
            }
            try (KafkaProducer<String, QueueEvent> producer = KafkaTestSupport.producer(first.bootstrapServers(),
                    topic.keySerde().serializer(), topic.valueSerde().serializer(), Map.of())) {
                for (QueueEvent event : sent) {
                    producer.send(new ProducerRecord<>(topic.name(), event.getOfficeId(), event)).get();
                }
            }
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(options)) {
            List<ConsumerRecord<String, QueueEvent>> read = KafkaTestSupport.readAll(second.bootstrapServers(),
                    topic.name(), sent.size(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());

            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(read).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.value().getOfficeId()));
        }
    }

    @Test
    void shouldStoreEventsDatedYearsAgo() throws Exception {
        TopicSpec<String, QueueEvent> topic = Topics.QUEUE_EVENTS;
        Instant threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        QueueEvent old = KafkaTestSupport.ticketIssued("office-replay", 1, threeYearsAgo);

        try (KafkaProducer<String, QueueEvent> producer = KafkaTestSupport.producer(kafka.bootstrapServers(),
                topic.keySerde().serializer(), topic.valueSerde().serializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic.name(), null, threeYearsAgo.toEpochMilli(), old.getOfficeId(), old)).get();
        }
        // Several retention checks pass before the record is read back.
        Thread.sleep(1_000);
        List<ConsumerRecord<String, QueueEvent>> read = KafkaTestSupport.readAll(kafka.bootstrapServers(), topic.name(),
                1, topic.keySerde().deserializer(), topic.valueSerde().deserializer());

        assertThat(read).filteredOn(record -> record.value().equals(old))
                .singleElement()
                .satisfies(record -> assertThat(record.timestamp()).isEqualTo(threeYearsAgo.toEpochMilli()));
        assertThat(topicConfig(topic.name()).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers() throws Exception {
        String topic = "test.transactions";
        try (Admin admin = KafkaTestSupport.admin(kafka.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(kafka.bootstrapServers(),
                new StringSerializer(), new StringSerializer(), Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "office-1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "office-2", "committed-2"));
            producer.send(new ProducerRecord<>(topic, "office-1", "committed-3"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "office-1", "aborted")).get();
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> read = KafkaTestSupport.readAll(kafka.bootstrapServers(), topic, 3,
                new StringDeserializer(), new StringDeserializer());

        assertThat(read).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
    }

    @Test
    void shouldAbortATransactionLeftOpenByAProcessThatDiedWithTheBroker(@TempDir Path directory) throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveATransactionOpen(options, "test.left-open", "test-dying");

        assertThat(valuesAfterRestart(options, "test.left-open", 1)).containsExactly("after-it");
    }

    @Test
    void shouldAbortATransactionHangingOnAPartitionThatNoCoordinatorKnows(@TempDir Path directory) throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveATransactionOpen(options, "test.hanging", "test-hanging");
        // The coordinators forget the transaction, as after the crash this guards against.
        try (var logs = Files.list(directory.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("__transaction_state-")).toList()) {
                try (var files = Files.walk(log)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        assertThat(valuesAfterRestart(options, "test.hanging", 1)).containsExactly("after-it");
    }

    @Test
    void shouldCommitOnAPartitionLeftWithoutMarkerATransactionItsCoordinatorCommitted(@TempDir Path directory)
            throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveAPartitionWithoutTheMarkerOfAnEndedTransaction(options, "test.torn-commit", "test-torn-commit", true);

        assertThat(valuesAfterRestart(options, "test.torn-commit", 3))
                .containsExactlyInAnyOrder("ended-there", "open-here", "after-it");
    }

    @Test
    void shouldAbortOnAPartitionLeftWithoutMarkerATransactionItsCoordinatorAborted(@TempDir Path directory)
            throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveAPartitionWithoutTheMarkerOfAnEndedTransaction(options, "test.torn-abort", "test-torn-abort", false);

        assertThat(valuesAfterRestart(options, "test.torn-abort", 1)).containsExactly("after-it");
    }

    /** The values a read_committed consumer sees in {@code topic} once the broker is started again on {@code options}. */
    private static List<String> valuesAfterRestart(EmbeddedKafka.Options options, String topic, int expected) {
        try (EmbeddedKafka second = EmbeddedKafka.start(options)) {
            return KafkaTestSupport.readAll(second.bootstrapServers(), topic, expected, new StringDeserializer(),
                    new StringDeserializer()).stream().map(ConsumerRecord::value).toList();
        }
    }

    /**
     * What a crash of the embedded broker can leave (see {@link LeftoverTransactions}): a transaction its
     * coordinator ended ({@code commit} or abort) with partition 0's marker written, while partition 1
     * holds the transaction's record without any marker, and a plain record after it. A coordinator
     * never lets a record of an ended transaction in, so the first broker runs without partition
     * verification and partition 1's record is sent as a raw produce request of the transaction's
     * producer and epoch.
     */
    private static void leaveAPartitionWithoutTheMarkerOfAnEndedTransaction(EmbeddedKafka.Options options,
            String topic, String transactionalId, boolean commit) throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(
                options.withProperty("transaction.partition.verification.enable", "false"));
             Admin admin = KafkaTestSupport.admin(first.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            TopicPartition there = new TopicPartition(topic, 0);
            TopicPartition here = new TopicPartition(topic, 1);
            ProducerState producer;
            try (KafkaProducer<String, String> transactional = KafkaTestSupport.producer(first.bootstrapServers(),
                    new StringSerializer(), new StringSerializer(),
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId))) {
                transactional.initTransactions();
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(topic, 0, "office-1", "ended-there")).get();
                producer = admin.describeProducers(List.of(there)).partitionResult(there).get().activeProducers().get(0);
                if (commit) {
                    transactional.commitTransaction();
                } else {
                    transactional.abortTransaction();
                }
            }
            ProduceRequestData produce = new ProduceRequestData()
                    .setAcks((short) -1)
                    .setTimeoutMs(30_000)
                    .setTransactionalId(transactionalId);
            produce.topicData().add(new ProduceRequestData.TopicProduceData().setName(topic).setPartitionData(List.of(
                    new ProduceRequestData.PartitionProduceData().setIndex(here.partition()).setRecords(
                            MemoryRecords.withTransactionalRecords(Compression.NONE, producer.producerId(),
                                    (short) producer.producerEpoch(), 0,
                                    new SimpleRecord("office-1".getBytes(UTF_8), "open-here".getBytes(UTF_8)))))));
            short version = 11; // before transactions version 2, whose produce requests make the broker ask the coordinator
            ProduceResponse response = (ProduceResponse) BrokerRequest.send(first.bootstrapServers(),
                    new ProduceRequest.Builder(version, version, produce).build(version));
            assertThat(response.data().responses()).flatExtracting(ProduceResponseData.TopicProduceResponse::partitionResponses)
                    .extracting(ProduceResponseData.PartitionProduceResponse::errorCode)
                    .containsExactly(Errors.NONE.code());
            try (KafkaProducer<String, String> plain = KafkaTestSupport.producer(first.bootstrapServers(),
                    new StringSerializer(), new StringSerializer(), Map.of())) {
                plain.send(new ProducerRecord<>(topic, here.partition(), "office-1", "after-it")).get();
            }
            assertThat(admin.describeProducers(List.of(here)).partitionResult(here).get().activeProducers())
                    .anySatisfy(open -> assertThat(open.currentTransactionStartOffset()).isPresent());
        }
    }

    /**
     * A broker on {@code options} with one record in a transaction that is never ended (the broker
     * would keep it open for ten minutes) and a plain record after it; the broker stops, and the
     * transaction's producer dies without ending it.
     */
    private static void leaveATransactionOpen(EmbeddedKafka.Options options, String topic, String transactionalId)
            throws Exception {
        KafkaProducer<String, String> dying;
        try (EmbeddedKafka first = EmbeddedKafka.start(options)) {
            try (Admin admin = KafkaTestSupport.admin(first.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            dying = KafkaTestSupport.producer(first.bootstrapServers(), new StringSerializer(), new StringSerializer(),
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 600_000));
            dying.initTransactions();
            dying.beginTransaction();
            dying.send(new ProducerRecord<>(topic, "office-1", "never-committed")).get();
            try (KafkaProducer<String, String> plain = KafkaTestSupport.producer(first.bootstrapServers(),
                    new StringSerializer(), new StringSerializer(), Map.of())) {
                plain.send(new ProducerRecord<>(topic, "office-1", "after-it")).get();
            }
        }
        dying.close(Duration.ZERO);
    }

    @Test
    void shouldComeBackOnThePortsItPickedInThePreviousRun(@TempDir Path directory) {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        String first;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            first = kafka.bootstrapServers();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            assertThat(kafka.bootstrapServers()).isEqualTo(first);
        }
    }

    @Test
    void shouldRefuseAPortThatIsTaken(@TempDir Path directory) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults()
                    .withDataDirectory(directory)
                    .withBrokerPort(taken.getLocalPort());

            assertThatThrownBy(() -> EmbeddedKafka.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    private static Config topicConfig(String topic) throws Exception {
        try (Admin admin = KafkaTestSupport.admin(kafka.bootstrapServers())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }
    }
}
