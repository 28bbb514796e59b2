package pl.okienko.dashboard.platform.kafka;

import java.util.Set;

/**
 * One read of a Kafka Streams state store that an instance runs on the partitions it holds (through
 * interactive queries), for itself or for another instance that asked it over HTTP: one key, or the keys of a range.
 *
 * @param store the store's name
 * @param key the one key read, or null for a range
 * @param from the range's first key (inclusive), or null for no lower bound
 * @param to the range's last key (inclusive), or null for no upper bound
 * @param partitions the store partitions read; empty for every partition this instance holds
 */
public record StoreQuery(String store, String key, String from, String to, Set<Integer> partitions) {

    public StoreQuery {
        partitions = Set.copyOf(partitions);
    }

    static StoreQuery key(String store, String key, Set<Integer> partitions) {
        return new StoreQuery(store, key, null, null, partitions);
    }

    static StoreQuery range(String store, String from, String to, Set<Integer> partitions) {
        return new StoreQuery(store, null, from, to, partitions);
    }

    StoreQuery on(Set<Integer> others) {
        return new StoreQuery(store, key, from, to, others);
    }

    boolean isKey() {
        return key != null;
    }
}
