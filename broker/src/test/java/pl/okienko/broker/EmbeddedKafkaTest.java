package pl.okienko.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


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
        String topic = "test.restart";
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "record-" + i).toList();

        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.start(options)) {
            clusterId = first.clusterId();
            try (Admin admin = KafkaTestSupport.admin(first.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(first.bootstrapServers(),
                    new StringSerializer(), new StringSerializer(), Map.of())) {
                for (int i = 0; i < sent.size(); i++) {
                    producer.send(new ProducerRecord<>(topic, "office-" + (i % 3), sent.get(i))).get();
                }
            }
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(options)) {
            List<ConsumerRecord<String, String>> read = KafkaTestSupport.readAll(second.bootstrapServers(), topic,
                    sent.size(), new StringDeserializer(), new StringDeserializer());

            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void shouldStoreRecordsDatedYearsAgo() throws Exception {
        String topic = "test.years-ago";
        try (Admin admin = KafkaTestSupport.admin(kafka.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        long threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS).toEpochMilli();

        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(kafka.bootstrapServers(),
                new StringSerializer(), new StringSerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, null, threeYearsAgo, "office-replay", "old")).get();
        }
        // Several retention checks pass before the record is read back.
        Thread.sleep(1_000);
        List<ConsumerRecord<String, String>> read = KafkaTestSupport.readAll(kafka.bootstrapServers(), topic, 1,
                new StringDeserializer(), new StringDeserializer());

        assertThat(read).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("old");
            assertThat(record.timestamp()).isEqualTo(threeYearsAgo);
        });
        assertThat(topicConfig(topic).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
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
    void shouldAbortATransactionLeftOpenByADeadProducerAsSoonAsItsSuccessorStarts(@TempDir Path directory)
            throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveATransactionOpen(options, "test.left-open", "test-dying", Duration.ofMinutes(10));

        try (EmbeddedKafka second = EmbeddedKafka.start(options);
             KafkaProducer<String, String> successor = KafkaTestSupport.producer(second.bootstrapServers(),
                     new StringSerializer(), new StringSerializer(), Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-dying"))) {
            // The same transactional id fences the dead producer: its coordinator aborts what it left open.
            successor.initTransactions();
            assertThat(readCommittedValues(second, "test.left-open", 1)).containsExactly("after-it");
        }
    }

    @Test
    void shouldAbortATransactionLeftOpenByADeadProducerOnceItsTimeoutPasses(@TempDir Path directory) throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        leaveATransactionOpen(options, "test.timed-out", "test-timing-out", Duration.ofSeconds(3));

        try (EmbeddedKafka second = EmbeddedKafka.start(options)) {
            assertThat(readCommittedValues(second, "test.timed-out", 1)).containsExactly("after-it");
        }
    }

    private static List<String> readCommittedValues(EmbeddedKafka kafka, String topic, int expected) {
        return KafkaTestSupport.readAll(kafka.bootstrapServers(), topic, expected, new StringDeserializer(),
                new StringDeserializer()).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * A broker on {@code options} with one record in a transaction that is never ended (its producer's
     * {@code timeout}) and a plain record after it; the broker stops, and the transaction's producer dies
     * without ending it.
     */
    private static void leaveATransactionOpen(EmbeddedKafka.Options options, String topic, String transactionalId,
            Duration timeout) throws Exception {
        KafkaProducer<String, String> dying;
        try (EmbeddedKafka first = EmbeddedKafka.start(options)) {
            try (Admin admin = KafkaTestSupport.admin(first.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            dying = KafkaTestSupport.producer(first.bootstrapServers(), new StringSerializer(), new StringSerializer(),
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) timeout.toMillis()));
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
