package pl.okienko.topics;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalogue: its name, the serdes of its keys and values, and the configuration
 * it is created with. The only place a topic name is written is {@link Topics}.
 *
 * @param name the topic name
 * @param keySerde how keys are written
 * @param valueSerde how values are written
 * @param kind what the topic holds, which decides its retention and cleanup
 * @param configs topic-level configuration given at creation (retention, cleanup, ...)
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Kind kind, Map<String, String> configs) {

    /** What a topic holds. */
    public enum Kind {
        /** Events from building systems: history kept, never deleted by time. */
        EVENTS,
        /** Directory and policies: latest value per key (compacted). */
        DIRECTORY,
        /** Alert lifecycle steps: history kept. */
        ALERTS,
        /** Records that could not be processed, with their reason. */
        DEADLETTER,
        /** The application's own long-running jobs (what-if replays): latest state per job (compacted). */
        JOBS
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(kind, "kind");
        configs = Map.copyOf(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
