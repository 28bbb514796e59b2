package pl.okienko.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run in a child JVM by {@link EmbeddedKafkaCrashRecoveryTest}: starts a broker on the given directory,
 * writes {@link #RECORDS} acknowledged records, prints {@link #READY} and waits to be killed.
 */
final class CrashingBroker {

    static final String TOPIC = "test.crash";
    static final int RECORDS = 10;
    static final String READY = "CRASHING-BROKER-PRODUCED";

    private CrashingBroker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDataDirectory(Path.of(args[0]))
                .withBrokerPort(0));
        try (Admin admin = KafkaTestSupport.admin(kafka.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(kafka.bootstrapServers(),
                new StringSerializer(), new StringSerializer(), Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "office-1", "record-" + i)).get();
            }
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
