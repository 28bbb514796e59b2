package pl.okienko.processors.deadlines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.Keys;

/**
 * One pending deadline per item, moved as the item's state changes: a {@link DeadlineIndex} to find what is
 * due, and each item's current due time to move or cancel its one entry. Serves the wall-clock thresholds
 * that pass with no event, P1 (a priority wait passes its target) and Q2 (a queue's longest wait passes the
 * limit), so a check reads only what is due instead of every waiting client and every line.
 *
 * <p>What is due is read from a copy in memory, ordered as the index, kept by every {@link #set} beside the
 * stores and loaded from the due times at the first use: a replay asks for one office's due deadlines before
 * each of its events, and a RocksDB range scan from the start of time over the tombstones of moved deadlines
 * cost more than the rest of the event. The copy never holds what the stores do not: it is written through,
 * and belongs to one processor instance, opened anew (and so loaded anew) whenever Kafka Streams restores
 * the task's stores.
 */
public final class DeadlineTimers {

    /** The index's order: due time, then {@code officeId|itemId} as text (the rest of its key). */
    private static final Comparator<DeadlineIndex.Due> ORDER = Comparator.comparingLong(DeadlineIndex.Due::dueAtMillis)
            .thenComparing(DeadlineTimers::compareItems);

    private final DeadlineIndex index;
    private final KeyValueStore<String, Long> dueAt;
    private NavigableSet<DeadlineIndex.Due> pending;
    private Map<String, NavigableSet<DeadlineIndex.Due>> pendingByOffice;
    /** The due-time store's content: {@code officeId|itemId} → due time. */
    private Map<String, Long> dueByKey;

    public DeadlineTimers(DeadlineIndex index, KeyValueStore<String, Long> dueAt) {
        this.index = index;
        this.dueAt = dueAt;
    }

    /**
     * The index {@code name} and the store of each item's due time, {@code name-due}; cached, since a deadline
     * moves with every change of its line or wait and only the last move of a commit needs to reach the changelog.
     */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(DeadlineIndex.storeBuilder(name).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(dueStoreName(name)), Serdes.String(),
                        Serdes.Long()).withCachingEnabled());
    }

    public static String dueStoreName(String name) {
        return name + "-due";
    }

    /** Moves the item's deadline to {@code dueAtMillis}; null cancels it. Writes nothing when it is already there. */
    public void set(String officeId, String itemId, Long dueAtMillis) {
        loadPending();
        String key = Keys.of(officeId, itemId);
        Long current = dueByKey.get(key);
        if (Objects.equals(current, dueAtMillis)) {
            return;
        }
        index.move(current, dueAtMillis, officeId, itemId);
        if (current != null) {
            forget(new DeadlineIndex.Due(current, officeId, itemId));
        }
        if (dueAtMillis == null) {
            dueAt.delete(key);
            dueByKey.remove(key);
        } else {
            dueAt.put(key, dueAtMillis);
            dueByKey.put(key, dueAtMillis);
            remember(new DeadlineIndex.Due(dueAtMillis, officeId, itemId));
        }
    }

    /** Every deadline due at or before {@code nowMillis}, earliest first; each stays until it is set again. */
    public List<DeadlineIndex.Due> due(long nowMillis) {
        loadPending();
        return dueIn(pending, nowMillis);
    }

    /** The office's deadlines due at or before {@code nowMillis}, earliest first, as {@link #due(long)} orders them. */
    public List<DeadlineIndex.Due> due(String officeId, long nowMillis) {
        loadPending();
        NavigableSet<DeadlineIndex.Due> ofOffice = pendingByOffice.get(officeId);
        return ofOffice == null ? List.of() : dueIn(ofOffice, nowMillis);
    }

    private static List<DeadlineIndex.Due> dueIn(NavigableSet<DeadlineIndex.Due> set, long nowMillis) {
        List<DeadlineIndex.Due> due = new ArrayList<>();
        for (DeadlineIndex.Due next : set) {
            if (next.dueAtMillis() > nowMillis) {
                break;
            }
            due.add(next);
        }
        return due;
    }

    /** {@code officeId|itemId} of both compared as text, without building either. */
    private static int compareItems(DeadlineIndex.Due a, DeadlineIndex.Due b) {
        int length = Math.max(a.officeId().length(), b.officeId().length()) + 1
                + Math.max(a.itemId().length(), b.itemId().length());
        for (int i = 0; i < length; i++) {
            int x = charAt(a, i);
            int y = charAt(b, i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x < 0) {
                return 0;
            }
        }
        return 0;
    }

    /** The i-th char of {@code officeId|itemId}, -1 past its end. */
    private static int charAt(DeadlineIndex.Due due, int i) {
        int office = due.officeId().length();
        if (i < office) {
            return due.officeId().charAt(i);
        }
        if (i == office) {
            return Keys.SEPARATOR;
        }
        int item = i - office - 1;
        return item < due.itemId().length() ? due.itemId().charAt(item) : -1;
    }

    private void loadPending() {
        if (pending != null) {
            return;
        }
        pending = new TreeSet<>(ORDER);
        pendingByOffice = new HashMap<>();
        dueByKey = new HashMap<>();
        try (KeyValueIterator<String, Long> it = dueAt.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> entry = it.next();
                dueByKey.put(entry.key, entry.value);
                int split = entry.key.indexOf(Keys.SEPARATOR);
                remember(new DeadlineIndex.Due(entry.value, entry.key.substring(0, split),
                        entry.key.substring(split + 1)));
            }
        }
    }

    private void remember(DeadlineIndex.Due due) {
        pending.add(due);
        pendingByOffice.computeIfAbsent(due.officeId(), id -> new TreeSet<>(ORDER)).add(due);
    }

    private void forget(DeadlineIndex.Due due) {
        pending.remove(due);
        NavigableSet<DeadlineIndex.Due> ofOffice = pendingByOffice.get(due.officeId());
        if (ofOffice != null) {
            ofOffice.remove(due);
        }
    }
}
