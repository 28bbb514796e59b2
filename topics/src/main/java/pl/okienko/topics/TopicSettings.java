package pl.okienko.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many partitions and replicas the catalogue's topics get when they are created. The catalogue says
 * what a topic holds and how long; the deployment says how wide and how safe: one replica on the
 * embedded broker, three on a real cluster, more partitions where more app instances share the work.
 *
 * @param partitions partitions of a topic with no override
 * @param replicationFactor replicas of every topic
 * @param partitionOverrides partitions per topic name, for topics that need more (or fewer) than the default
 */
public record TopicSettings(int partitions, short replicationFactor, Map<String, Integer> partitionOverrides) {

    /** Three partitions, so that up to three instances share the work; one replica, as on the embedded broker. */
    public static final int DEFAULT_PARTITIONS = 3;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        Objects.requireNonNull(partitionOverrides, "partitionOverrides");
        partitionOverrides.forEach((topic, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("partitions of " + topic + " must be at least 1, was " + count);
            }
        });
        partitionOverrides = Map.copyOf(partitionOverrides);
    }

    /** The embedded broker's settings: {@value #DEFAULT_PARTITIONS} partitions, one replica, no overrides. */
    public static TopicSettings defaults() {
        return new TopicSettings(DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, Map.of());
    }

    /** These settings with another replication factor, e.g. 3 for an external cluster. */
    public TopicSettings withReplicationFactor(short factor) {
        return new TopicSettings(partitions, factor, partitionOverrides);
    }

    /** These settings with {@code count} partitions for {@code topic}. */
    public TopicSettings withPartitions(String topic, int count) {
        Map<String, Integer> overrides = new LinkedHashMap<>(partitionOverrides);
        overrides.put(topic, count);
        return new TopicSettings(partitions, replicationFactor, overrides);
    }

    /** The partitions {@code topic} should have. */
    public int partitionsFor(String topic) {
        return partitionOverrides.getOrDefault(topic, partitions);
    }
}
