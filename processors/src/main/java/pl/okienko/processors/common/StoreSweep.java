package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One pass over every entry of a key-value store, a bounded chunk per call, each call resuming after
 * the last key the previous one visited. For a one-off look at entries written before a retention
 * rule existed (T3/T4, I1): a punctuation never holds up the stream thread on a whole store, nor
 * writes more than a chunk's worth of changes to a changelog at once. {@link #roundRobin} passes again
 * and again, for a retention judged by the value of each entry (redelivered event ids). The position is
 * kept in memory, so a new processor instance walks the store again from the start.
 */
public final class StoreSweep<V> {

    private final KeyValueStore<String, V> store;
    private final int chunk;
    private final boolean again;
    /** Where each pass starts (inclusive); null: at the first key. */
    private final String from;
    private String lastKey;
    private boolean done;

    public StoreSweep(KeyValueStore<String, V> store, int chunk) {
        this(store, chunk, false, null);
    }

    private StoreSweep(KeyValueStore<String, V> store, int chunk, boolean again, String from) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, was " + chunk);
        }
        this.store = store;
        this.chunk = chunk;
        this.again = again;
        this.from = from;
    }

    /** A sweep that is never done: after the last entry it starts again from the first, at the next call. */
    public static <V> StoreSweep<V> roundRobin(KeyValueStore<String, V> store, int chunk) {
        return roundRobin(store, chunk, null);
    }

    /** A {@link #roundRobin} sweep of the keys from {@code from} (inclusive) on: those before it are never visited. */
    public static <V> StoreSweep<V> roundRobin(KeyValueStore<String, V> store, int chunk, String from) {
        return new StoreSweep<>(store, chunk, true, from);
    }

    /** Every entry has been visited. */
    public boolean done() {
        return done;
    }

    /**
     * Visits the next at most {@code chunk} entries in key order; nothing once done. The iterator is
     * closed before the first visit, so the visitor may change or delete entries of the store.
     */
    public void next(BiConsumer<String, V> visitor) {
        next(chunk, visitor);
    }

    /**
     * As {@link #next(BiConsumer)}, visiting at most {@code entries} entries (at least one); returns whether this call
     * reached the last entry (the end of a pass).
     */
    public boolean next(long entries, BiConsumer<String, V> visitor) {
        if (done) {
            return false;
        }
        List<KeyValue<String, V>> visited = new ArrayList<>();
        boolean atEnd;
        // '\u0000' after the last key is the smallest key after it: range() includes its lower bound.
        String start = lastKey != null ? lastKey + '\u0000' : from;
        try (KeyValueIterator<String, V> it = start == null ? store.all() : store.range(start, null)) {
            while (visited.size() < Math.max(1, entries) && it.hasNext()) {
                visited.add(it.next());
            }
            atEnd = !it.hasNext();
        }
        if (atEnd && again) {
            lastKey = null;
        } else {
            done = atEnd;
            if (!visited.isEmpty()) {
                lastKey = visited.get(visited.size() - 1).key;
            }
        }
        visited.forEach(kv -> visitor.accept(kv.key, kv.value));
        return atEnd;
    }
}
