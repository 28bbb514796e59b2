package pl.okienko.dashboard.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Runs {@link StoreQuery store queries} on this instance's copies of a store through Kafka Streams'
 * interactive queries: the active copy of each partition where this instance has it, else a standby
 * copy, labelled with its lag. A partition this instance holds no copy of is left out of the answer, so
 * whoever asked can try another instance for it.
 *
 * <p>This reads with {@code KafkaStreams#store} per partition rather than IQv2's {@code KafkaStreams#query}:
 * in Kafka Streams 4.3 and 4.4 an IQv2 key or range query on a RocksDB store takes the store's position
 * lock before the store's own lock, while the stream thread's {@code put} takes them the other way round,
 * and the two deadlock under load (KAFKA-19629, fixed after 4.4.0; seen here in {@code PhoneReplayIT}).
 * The partition, standby and lag semantics are the same; only this class changes when a fixed Kafka
 * Streams is in use.
 */
final class LocalStoreQueries {

    /** The partition of a copy that answered for every partition of the only instance. */
    static final int EVERY_PARTITION = -1;

    private LocalStoreQueries() {
    }

    /**
     * @param instance how this instance is named in the answer's copies
     * @throws InvalidStateStoreException when the store cannot be read here now (starting, rebalancing, unknown
     *     store) and {@code query} names no partitions
     */
    static <V> StoreAnswer<V> run(KafkaStreams streams, String instance, StoreQuery query) {
        if (query.partitions().isEmpty()) {
            ReadOnlyKeyValueStore<String, V> every = streams.store(parameters(query.store()));
            return StoreAnswer.merge(List.of(new StoreAnswer<>(read(every, query),
                    List.of(new StoreAnswer.Copy(EVERY_PARTITION, instance, true, 0)))));
        }
        List<KeyValue<String, V>> entries = new ArrayList<>();
        List<StoreAnswer.Copy> copies = new ArrayList<>();
        Map<Integer, LagInfo> lags = null;
        for (int partition : query.partitions()) {
            StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> active = parameters(query.store());
            try {
                entries.addAll(read(streams.store(active.withPartition(partition)), query));
                copies.add(new StoreAnswer.Copy(partition, instance, true, 0));
                continue;
            } catch (InvalidStateStoreException notActiveHere) {
                // a standby copy may be here
            }
            try {
                entries.addAll(read(streams.store(active.withPartition(partition).enableStaleStores()), query));
                if (lags == null) {
                    lags = streams.allLocalStorePartitionLags().getOrDefault(query.store(), Map.of());
                }
                LagInfo lag = lags.get(partition);
                copies.add(new StoreAnswer.Copy(partition, instance, false, lag == null ? -1 : lag.offsetLag()));
            } catch (InvalidStateStoreException notHere) {
                // no copy of this partition here: left out, the caller asks the next instance
            }
        }
        return StoreAnswer.merge(List.of(new StoreAnswer<>(entries, copies)));
    }

    private static <V> StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters(String store) {
        return StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore());
    }

    private static <V> List<KeyValue<String, V>> read(ReadOnlyKeyValueStore<String, V> store, StoreQuery query) {
        if (query.isKey()) {
            V value = store.get(query.key());
            return value == null ? List.of() : List.of(KeyValue.pair(query.key(), value));
        }
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> it = query.from() == null && query.to() == null ? store.all()
                : store.range(query.from(), query.to())) {
            it.forEachRemaining(entries::add);
        }
        return entries;
    }
}
