package pl.okienko.processors.common;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to named state stores, so that view code runs the same against a running
 * KafkaStreams instance (interactive queries) and a TopologyTestDriver.
 */
public interface StoreAccess {

    <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);

    default <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(TopologyStore store) {
        return keyValueStore(store.storeName());
    }
}
