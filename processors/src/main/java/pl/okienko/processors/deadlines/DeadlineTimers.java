package pl.okienko.processors.deadlines;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.Keys;

/**
 * One pending deadline per item, moved as the item's state changes: a {@link DeadlineIndex} to find what is
 * due, and each item's current due time to move or cancel its one entry. Serves the wall-clock thresholds
 * that pass with no event, P1 (a priority wait passes its target) and Q2 (a queue's longest wait passes the
 * limit), so a check reads only what is due instead of every waiting client and every line.
 */
public final class DeadlineTimers {

    private final DeadlineIndex index;
    private final KeyValueStore<String, Long> dueAt;

    public DeadlineTimers(DeadlineIndex index, KeyValueStore<String, Long> dueAt) {
        this.index = index;
        this.dueAt = dueAt;
    }

    /** The index {@code name} and the store of each item's due time, {@code name-due}. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(DeadlineIndex.storeBuilder(name),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(dueStoreName(name)), Serdes.String(),
                        Serdes.Long()));
    }

    public static String dueStoreName(String name) {
        return name + "-due";
    }

    /** Moves the item's deadline to {@code dueAtMillis}; null cancels it. Writes nothing when it is already there. */
    public void set(String officeId, String itemId, Long dueAtMillis) {
        String key = Keys.of(officeId, itemId);
        Long current = dueAt.get(key);
        if (Objects.equals(current, dueAtMillis)) {
            return;
        }
        index.move(current, dueAtMillis, officeId, itemId);
        if (dueAtMillis == null) {
            dueAt.delete(key);
        } else {
            dueAt.put(key, dueAtMillis);
        }
    }

    /** Every deadline due at or before {@code nowMillis}, earliest first; each stays until it is set again. */
    public List<DeadlineIndex.Due> due(long nowMillis) {
        return index.due(nowMillis);
    }
}
