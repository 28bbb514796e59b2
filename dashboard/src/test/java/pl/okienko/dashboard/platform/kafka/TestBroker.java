package pl.okienko.dashboard.platform.kafka;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import pl.okienko.broker.EmbeddedKafka;

/**
 * A real single-node KRaft broker for the tests of Kafka Streams runs without the application: started
 * in a directory with one-partition topics, written to with strings, closed after the test class.
 */
final class TestBroker implements AutoCloseable {

    private final EmbeddedKafka kafka;

    private TestBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static TestBroker start(Path directory, String... topics) throws Exception {
        TestBroker broker = new TestBroker(EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDataDirectory(directory.resolve("kafka")).withBrokerPort(0)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(Arrays.stream(topics).map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        }
        return broker;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
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
    public void close() {
        kafka.close();
    }
}
