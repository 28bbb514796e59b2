package pl.okienko.processors.deadlines;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.Keys;

/**
 * A time-ordered index of pending deadlines in a state store, so a wall-clock punctuation finds
 * what fell due by reading only the due entries (a range scan from the start of time to now),
 * not every open item. Keys are {@code dueAtMillis(zero-padded)|officeId|itemId}; the value is
 * the itemId. Serves every rule whose alert must appear on time with no further event (T3/T4,
 * E1, C1, P1, I1), and the forgetting of closed items after their retention (T3/T4).
 */
public final class DeadlineIndex {

    /** One due entry. */
    public record Due(long dueAtMillis, String officeId, String itemId) {
    }

    /** What is done with an item that fell due: its entry, and its key and value in the item store. */
    @FunctionalInterface
    public interface DueItem<V> {
        void on(Due due, String key, V value);
    }

    private static final String SEPARATOR = "|";

    private final KeyValueStore<String, String> store;

    public DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** A persistent, changelogged store for an index named {@code name}. */
    public static StoreBuilder<KeyValueStore<String, String>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }

    public void schedule(long dueAtMillis, String officeId, String itemId) {
        store.put(key(dueAtMillis, officeId, itemId), itemId);
    }

    public void cancel(long dueAtMillis, String officeId, String itemId) {
        store.delete(key(dueAtMillis, officeId, itemId));
    }

    /** Moves the item's one entry from {@code fromMillis} to {@code toMillis}; null is no entry. */
    public void move(Long fromMillis, Long toMillis, String officeId, String itemId) {
        if (fromMillis != null) {
            cancel(fromMillis, officeId, itemId);
        }
        if (toMillis != null) {
            schedule(toMillis, officeId, itemId);
        }
    }

    /** Whether exactly this entry is pending. */
    public boolean isScheduled(long dueAtMillis, String officeId, String itemId) {
        return store.get(key(dueAtMillis, officeId, itemId)) != null;
    }

    /** Removes and returns every entry due at or before {@code nowMillis}, earliest first. */
    public List<Due> takeDue(long nowMillis) {
        List<Due> due = due(nowMillis);
        due.forEach(d -> cancel(d.dueAtMillis(), d.officeId(), d.itemId()));
        return due;
    }

    /**
     * Removes every entry due at or before {@code nowMillis} and hands each, earliest first, with the item
     * {@code items} gives under {@code officeId|itemId} to {@code handler}; an entry whose item is gone is
     * dropped. Each item is read just before its turn, so an earlier turn's change is seen.
     */
    public <V> void takeDue(long nowMillis, Function<String, V> items, DueItem<V> handler) {
        for (Due due : takeDue(nowMillis)) {
            String key = Keys.of(due.officeId(), due.itemId());
            V value = items.apply(key);
            if (value != null) {
                handler.on(due, key, value);
            }
        }
    }

    /** Every entry due at or before {@code nowMillis}, earliest first, left in the index. */
    public List<Due> due(long nowMillis) {
        List<Due> result = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(pad(0), pad(nowMillis) + SEPARATOR + '\uffff')) {
            it.forEachRemaining(kv -> {
                String[] parts = kv.key.split("\\" + SEPARATOR, 3);
                result.add(new Due(Long.parseLong(parts[0]), parts[1], kv.value));
            });
        }
        return result;
    }

    private static String key(long dueAtMillis, String officeId, String itemId) {
        return pad(dueAtMillis) + SEPARATOR + officeId + SEPARATOR + itemId;
    }

    /** 13 digits hold every millisecond timestamp until the year 2286, in lexical = numeric order. */
    private static String pad(long millis) {
        return Keys.padded(millis, 13);
    }
}
