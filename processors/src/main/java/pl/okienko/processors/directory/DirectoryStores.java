package pl.okienko.processors.directory;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * The office directory and the policies as global stores: every instance holds all of them, so
 * any processor can look up an office's time zone or thresholds, and a change on the compacted
 * topics applies live.
 */
public final class DirectoryStores {

    public static final String OFFICES = "directory-offices";
    public static final String POLICIES = "directory-policies";

    private DirectoryStores() {
    }

    /** Adds both global stores to a topology; {@code prefix} keeps node names unique per topology. */
    public static void addTo(Topology topology, String prefix) {
        addGlobalStore(topology, prefix + "-offices", OFFICES, Topics.OFFICES);
        addGlobalStore(topology, prefix + "-policies", POLICIES, Topics.POLICIES);
    }

    /** The global store {@code storeName} of {@code topic}, fed by the nodes {@code nodePrefix-source, -update}. */
    private static <V> void addGlobalStore(Topology topology, String nodePrefix, String storeName,
            TopicSpec<String, V> topic) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), topic.keySerde(),
                        topic.valueSerde()).withLoggingDisabled(),
                nodePrefix + "-source",
                topic.keySerde().deserializer(), topic.valueSerde().deserializer(),
                topic.name(),
                nodePrefix + "-update",
                () -> new Updater<V>(storeName));
    }

    /** Keeps the latest value per key; a tombstone deletes. */
    private static final class Updater<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private KeyValueStore<String, V> store;

        Updater(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            // after the write: a processor that sees the count reads the new entry
            DirectoryChanges.changed(record.key());
        }
    }
}
