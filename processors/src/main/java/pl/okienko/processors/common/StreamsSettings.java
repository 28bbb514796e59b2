package pl.okienko.processors.common;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration every Okienko topology runs with: exactly-once processing,
 * and no processor stopping for one bad record (the record goes to the dead-letter topic).
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /**
     * @param applicationId one per concern, e.g. okienko-queues
     * @param bootstrapServers the cluster
     * @param stateDir where RocksDB state lives (survives restarts)
     * @param overrides anything else (replication.factor, num.standby.replicas, application.server, security)
     */
    public static Properties properties(String applicationId, String bootstrapServers, Path stateDir,
            Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Live views: a short commit interval bounds how stale a view can be under EOS.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // What our own decode step cannot catch (a corrupt key, an exception while processing, a record too large
        // to write) goes to the dead-letter topic, bounded, and the topology goes on.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // The directory's global stores must not stop either.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // The internal topics (changelogs only: no topology of ours repartitions, PinnedTopology checks it, and no
        // store of ours is windowed, versioned or timestamped, the stores whose restore reads a record's timestamp)
        // are stamped by the broker. Stamped with its event's time, a changelog record of a replay lay weeks behind
        // the timers' wall-clock writes and the transaction markers beside it: a segment rolls when a record comes
        // more than segment.ms (7 days) after the segment's first, so every changelog partition rolled and handed
        // the log cleaner a segment to clean. Append time also leaves no window (an hour ahead by default) in which a
        // record would be refused.
        p.put(StreamsConfig.topicPrefix(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG), "LogAppendTime");
        p.putAll(overrides);
        return p;
    }
}
