package pl.okienko.dashboard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.dashboard.platform.kafka.SupervisedStreams;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

/**
 * What the hostile-input tests check of the running observatory besides HTTP answers: every Kafka Streams
 * application RUNNING with no failure since a snapshot (a topology restarted by SupervisedStreams is RUNNING
 * again, but it failed), and the dead letters of given records.
 */
final class Observatory {

    private Observatory() {
    }

    /** Each application's last failure, by application id: compared before and after, it shows any new one. */
    static Map<String, Optional<SupervisedStreams.Failure>> failures(StreamsRuntime streams) {
        return streams.applications().values().stream()
                .collect(Collectors.toMap(SupervisedStreams::applicationId, SupervisedStreams::lastFailure));
    }

    static void assertRunningWithoutNewFailure(StreamsRuntime streams, Map<String, Optional<SupervisedStreams.Failure>> before) {
        assertThat(streams.applications().values()).allSatisfy(application -> assertThat(application.current().state())
                .as(application.applicationId()).isEqualTo(KafkaStreams.State.RUNNING));
        assertThat(failures(streams)).as("failures of the Kafka Streams applications").isEqualTo(before);
    }

    /**
     * Reads okienko.deadletter until every one of {@code offsets} of {@code topic} has a dead letter, and returns
     * those dead letters (one record may have several, from several topologies reading its topic).
     */
    static List<ConsumerRecord<byte[], byte[]>> deadLetters(KafkaCluster cluster, String topic, Set<Long> offsets) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEADLETTER.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (mine.stream().map(r -> DeadLetterHeader.OFFSET.valueIn(r.headers())).distinct().count() < offsets.size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("dead letters of " + topic + " after 60 s: " + mine.stream()
                            .map(r -> DeadLetterHeader.OFFSET.valueIn(r.headers()) + "="
                                    + DeadLetterHeader.REASON.valueIn(r.headers())).toList()
                            + ", expected one of every offset " + offsets);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String offset = DeadLetterHeader.OFFSET.valueIn(record.headers());
                    if (topic.equals(DeadLetterHeader.TOPIC.valueIn(record.headers())) && offset != null
                            && offsets.contains(Long.parseLong(offset))) {
                        mine.add(record);
                    }
                }
            }
        }
        return mine;
    }
}
