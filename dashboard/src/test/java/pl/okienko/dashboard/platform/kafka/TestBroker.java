package pl.okienko.dashboard.platform.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

import pl.okienko.broker.EmbeddedKafka;
import pl.okienko.processors.common.StreamsSettings;

/**
 * A real single-node KRaft broker for the tests of Kafka Streams runs without the application, as a
 * {@code @RegisterExtension static} field: started before the test class in a directory of its own with
 * one-partition topics, written to with strings, closed and deleted after the class with the state of the
 * applications run on it.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    private final List<String> topics;
    private Path directory;
    private EmbeddedKafka kafka;

    private TestBroker(List<String> topics) {
        this.topics = topics;
    }

    static TestBroker withTopics(String... topics) {
        return new TestBroker(List.of(topics));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("okienko-test-broker");
        kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withDataDirectory(directory.resolve("kafka")).withBrokerPort(0));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Okienko's streams settings for an application on this broker, its state beside the broker's data, with
     * static membership as StreamsRuntime runs them: a new instance takes a failed one's place at once.
     */
    Properties streamsSettings(String application) {
        return StreamsSettings.properties(application, bootstrapServers(), directory.resolve("streams"),
                Map.of(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), application + "-instance"));
    }

    /** Writes the records with one plain producer and waits until they are sent. */
    void produce(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            records.forEach(producer::send);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        FileSystemUtils.deleteRecursively(directory);
    }
}
