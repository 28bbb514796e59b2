package pl.okienko.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The admin operations the benchmark needs: topics, end offsets, consumer-group offsets. */
final class Cluster implements AutoCloseable {

    final String bootstrapServers;
    final Admin admin;

    Cluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void createTopics(Collection<String> names, int partitions) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        admin.createTopics(topics).all().get();
    }

    /**
     * Deletes what a finished Streams application left on the broker: its internal topics (changelogs,
     * repartition topics) and its consumer group. Left in place, every run's compacted changelogs keep the
     * broker's log cleaner and index files busy under the runs that follow it in the same broker.
     */
    void forget(String applicationId) throws InterruptedException {
        String prefix = applicationId + "-";
        try {
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix) && (name.endsWith("-changelog") || name.endsWith("-repartition")))
                    .toList();
            admin.deleteTopics(internal).all().get();
            admin.deleteConsumerGroups(List.of(applicationId)).all().get();
        } catch (ExecutionException e) {
            // Called on the way out of a run, failed or not: what went wrong with the run must not be hidden by this
            // (an application that did not start has no group; one that did not close in time still holds its own).
            System.out.printf("  (%s's topics or group not deleted: %s)%n", applicationId, e.getCause());
        }
    }

    /** The end offset of every partition of the topics. */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records of {@code ends} the group has not committed yet; a partition it never committed counts whole. */
    long lag(String groupId, Map<TopicPartition, Long> ends) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    /** Makes a group that has never run start at these offsets instead of the earliest ones. */
    void startGroupAt(String groupId, Map<TopicPartition, Long> offsets) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(groupId, commit).all().get();
    }

    /**
     * Records of the topics up to {@code ends}, as a {@code read_committed} consumer sees them: what a
     * topology reads of a transactional topic (its offsets also count the transaction markers).
     */
    long countRecords(Map<TopicPartition, Long> ends) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = ends.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            partitions.forEach(tp -> remaining.put(tp, ends.get(tp)));
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                    }
                }
                remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
            }
        }
        return records;
    }

    @Override
    public void close() {
        admin.close();
    }
}
