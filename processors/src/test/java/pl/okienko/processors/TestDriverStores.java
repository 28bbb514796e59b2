package pl.okienko.processors;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.processors.common.StoreAccess;

/** The stores of a TopologyTestDriver as {@link StoreAccess}, so view code is tested as it runs. */
public final class TestDriverStores implements StoreAccess {

    private final TopologyTestDriver driver;

    public TestDriverStores(TopologyTestDriver driver) {
        this.driver = driver;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        return (ReadOnlyKeyValueStore<K, V>) driver.getKeyValueStore(name);
    }

    /** Every key of a key-value store, in key order. */
    public List<Object> keys(String name) {
        List<Object> keys = new ArrayList<>();
        try (KeyValueIterator<Object, Object> it = driver.getKeyValueStore(name).all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
