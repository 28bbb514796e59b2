package pl.okienko.processors.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded values of one store kept in memory in front of it: a value read, changed and written several times
 * (a ticket through its visit, a queue's day counters and sketches, an hour's figures) is decoded once while it
 * stays in memory instead of at every get; every write still goes to the store at once, encoded.
 *
 * <p>Exactly-once stays whole because the cache is written through: it never holds a value the store was not
 * given, and it belongs to one processor instance, opened anew, with an empty cache, whenever Kafka Streams
 * restores the task's stores (after a crash or an aborted transaction). A value taken from {@link #get} may be
 * changed in place only when it is {@link #put} afterwards, in the same event.
 *
 * @param <S> the stored form
 * @param <V> the decoded form the processor works on
 */
public final class StateCache<S, V> {

    private final KeyValueStore<String, S> store;
    private final Function<S, V> decode;
    private final Function<V, S> encode;
    /** By key, the decoded value or null (known to be absent). */
    private final Map<String, V> values;

    /**
     * @param decode the stored form to the working one (never given null)
     * @param encode the working form to the stored one
     * @param capacity how many values are kept; the least recently used go first
     */
    public StateCache(KeyValueStore<String, S> store, Function<S, V> decode, Function<V, S> encode, int capacity) {
        this.store = store;
        this.decode = decode;
        this.encode = encode;
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A cache of values stored as they are worked on. */
    public static <V> StateCache<V, V> of(KeyValueStore<String, V> store, int capacity) {
        return new StateCache<>(store, Function.identity(), Function.identity(), capacity);
    }

    /** The value under {@code key}, null when there is none. */
    public V get(String key) {
        if (values.containsKey(key)) {
            return values.get(key);
        }
        S stored = store.get(key);
        V value = stored == null ? null : decode.apply(stored);
        values.put(key, value);
        return value;
    }

    public void put(String key, V value) {
        store.put(key, encode.apply(value));
        values.put(key, value);
    }

    public void delete(String key) {
        store.delete(key);
        values.put(key, null);
    }

    /** The store behind, for scans. */
    public KeyValueStore<String, S> store() {
        return store;
    }
}
