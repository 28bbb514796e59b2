package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pl.okienko.directory.Policy;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

/**
 * A state value too large for its changelog (refused by the serde when it is stored, since a producer
 * refusing it inside an exactly-once transaction aborts that transaction and stops the topology) (issue 11: "a too-large state value") must not stop an
 * exactly-once topology: the source record goes to the dead-letter topic with the reason, and the
 * records after it are still processed. On a real KRaft broker, with Okienko's streams settings.
 */
class OversizedRecordIT {

    private static final String APPLICATION = "okienko-oversized-it";
    private static final String INPUT = APPLICATION + "-input";
    private static final String STORE = "oversized-values";

    @RegisterExtension
    static final TestBroker broker = TestBroker.withTopics(INPUT, Topics.DEADLETTER.name());

    @Test
    void shouldDeadLetterARecordWhoseStateIsTooLargeForItsChangelogAndGoOn() {
        Properties config = broker.streamsSettings(APPLICATION);
        KafkaStreams streams = new KafkaStreams(topology(), config);
        try {
            streams.start();
            produce(List.of("small-1", "grow", "small-2"));

            await().atMost(Duration.ofSeconds(60)).until(() -> value(streams, "small-2") != null);
            assertThat(value(streams, "small-1")).isEqualTo(7);
            assertThat(value(streams, "grow")).isNull();
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(1);
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("grow");
                assertThat(DeadLetterHeader.REASON.valueIn(letter.headers()))
                        .startsWith("processing failed: SerializationException Policy of ")
                        .endsWith("bytes is larger than 921600 bytes, the most one record (a state value, an alert) may hold");
            });
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** Keeps a value per record; "grow" stands for state that grew past what a changelog record may hold. */
    private static Topology topology() {
        return StoreTopology.of("oversized", "store", INPUT, STORE, AvroSerde.of(Policy.class), values -> record -> {
            String text = record.value().equals("grow") ? "x".repeat(2 * 1024 * 1024) : record.value();
            values.put(record.value(), Policy.newBuilder().setOfficeId(text).build());
        });
    }

    private static Integer value(KafkaStreams streams, String key) {
        try {
            Policy value = streams.store(StoreQueryParameters.fromNameAndType(STORE,
                    QueryableStoreTypes.<String, Policy>keyValueStore())).get(key);
            return value == null ? null : value.getOfficeId().length();
        } catch (RuntimeException notQueryableYet) {
            return null;
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, APPLICATION + "-reader");
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEADLETTER.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(read::add);
        }
        return read;
    }

    private static void produce(List<String> values) {
        broker.produce(values.stream().map(value -> new ProducerRecord<>(INPUT, "k", value)).toList());
    }
}
