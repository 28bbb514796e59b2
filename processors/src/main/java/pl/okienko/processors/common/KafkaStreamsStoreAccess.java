package pl.okienko.processors.common;

import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@link StoreAccess} through interactive queries on a running KafkaStreams instance (local stores).
 * The instance is looked up at every query, so an application restarted as a new instance is read.
 */
public final class KafkaStreamsStoreAccess implements StoreAccess {

    private final Supplier<KafkaStreams> streams;

    public KafkaStreamsStoreAccess(KafkaStreams streams) {
        this(() -> streams);
    }

    public KafkaStreamsStoreAccess(Supplier<KafkaStreams> streams) {
        this.streams = streams;
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
    }

    @Override
    public <K, V> ReadOnlyWindowStore<K, V> windowStore(String name) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>windowStore()));
    }
}
