package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The read-change-write and clean-up passes the state processors (T1, E1, C1, I1) make on their stores. */
public final class StoreUpdates {

    private StoreUpdates() {
    }

    /** Changes the value under {@code key}, starting from {@code fresh} when there is none, and stores it. */
    public static <V> void update(KeyValueStore<String, V> store, String key, Supplier<V> fresh, Consumer<V> change) {
        V value = store.get(key);
        if (value == null) {
            value = fresh.get();
        }
        change.accept(value);
        store.put(key, value);
    }

    /** Deletes every entry whose value {@code gone} accepts; the iterator is closed before the first delete. */
    public static <V> void deleteWhere(KeyValueStore<String, V> store, Predicate<V> gone) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (gone.test(kv.value)) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(store::delete);
    }
}
