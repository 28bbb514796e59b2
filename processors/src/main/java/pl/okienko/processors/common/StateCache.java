package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded values of one store kept in memory in front of it: a value read, changed and written several times
 * (a ticket through its visit, a queue's day counters and sketches, an hour's figures) is decoded once while it
 * stays in memory instead of at every get, and encoded and stored once per event that changes it, or, with
 * {@link EventWrites#behind}, once per commit ({@link EventWrites}).
 *
 * <p>Exactly-once stays whole: the cache never holds a value the store is not given before the record that
 * made it is committed, and it belongs to one processor instance, opened anew, with an empty cache, whenever
 * Kafka Streams restores the task's stores (after a crash or an aborted transaction). A value taken from
 * {@link #get} may be changed in place only when it is {@link #put} afterwards, in the same event; when the event
 * fails in between, what it read is read from the store again.
 *
 * <p>Written behind, a failed event's writes are discarded as ever, but a value it changed in place that an
 * earlier event of the same commit interval had written keeps the change: that value exists only decoded until
 * the commit. A value written behind must be bounded below what its store accepts
 * ({@code AvroSerde.MAX_RECORD_BYTES}) by its own class, since a write refused at the commit could not be laid
 * at any event's door; a value that grows with what happens is written at the end of each event instead
 * ({@link #eachEvent}).
 *
 * @param <S> the stored form
 * @param <V> the decoded form the processor works on
 */
public final class StateCache<S, V> {

    /**
     * Marks a key known to have no value, so that a miss is not read from the store again, or deleted (until the
     * commit, which drops a deleted key's slot).
     */
    private static final Object ABSENT = new Object();

    /**
     * Above this many entries, a list or map of one event's writes is replaced rather than cleared: a hash map never
     * shrinks, and one punctuation that wrote thousands of keys would leave every later event clearing a table of
     * thousands of empty buckets.
     */
    private static final int REUSED_UP_TO = 64;

    /**
     * One key's decoded value, or {@link #ABSENT}, and whether it waits for the commit. Written behind, the slot is
     * the write: a put finds it with the one lookup its get made, rather than copying it into a map of writes (a
     * tenth of the queue topology's thread).
     */
    private static final class Slot {
        final String key;
        Object value;
        boolean dirty;
        /**
         * Written behind: the commit interval ({@link #commits}) in which the store was found without the key, whose
         * delete then need not be written: a ticket issued and closed between two commits, as in a replay, costs no
         * write. A field rather than a set of keys: looking each written key up in a set cost a thirtieth of the queue
         * topology's thread.
         */
        long unstoredIn = -1;

        Slot(String key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    /** What a write of the event being processed replaced in its slot, to take the event back when it fails. */
    private record Undo(Slot slot, Object value, boolean dirty) {
    }

    private final KeyValueStore<String, S> store;
    private final Function<S, V> decode;
    private final Function<V, S> encode;
    private final boolean deferred;
    private final boolean behind;
    /** By key, in the order first read; the first go beyond the capacity (those waiting to {@link #evicted}). */
    private final Map<String, Slot> values;
    /** Written behind: slots pushed out of {@link #values} while waiting for the commit, by key. */
    private Map<String, Slot> evicted = new HashMap<>();
    /** Written behind: the slots written since the last commit, each once (a slot no longer dirty is skipped). */
    private List<Slot> dirty = new ArrayList<>();
    /** Written behind: the writes of the event being processed, in order. */
    private List<Undo> undo = new ArrayList<>();
    /** Not written behind: the event's writes not yet in the store, by key: the value, or null for a delete. */
    private Map<String, V> pending = new HashMap<>();
    private int pendingPeak;
    /**
     * The keys the event being processed read: a value it changed in place and then failed before putting is read
     * from the store again rather than kept changed.
     */
    private List<String> read = new ArrayList<>();
    /** Written behind: the commits made so far, numbering the intervals between them ({@link Slot#unstoredIn}). */
    private long commits;

    /**
     * @param decode the stored form to the working one (never given null)
     * @param encode the working form to the stored one
     * @param capacity how many values are kept; the first read go first
     * @param writes when the writes reach the store
     */
    public StateCache(KeyValueStore<String, S> store, Function<S, V> decode, Function<V, S> encode, int capacity,
            EventWrites writes) {
        this(store, decode, encode, capacity, writes, true);
    }

    private StateCache(KeyValueStore<String, S> store, Function<S, V> decode, Function<V, S> encode, int capacity,
            EventWrites writes, boolean mayWriteBehind) {
        this.store = store;
        this.decode = decode;
        this.encode = encode;
        this.deferred = writes.isDeferred();
        this.behind = writes.isBehind() && mayWriteBehind;
        // in the order first read: an access-ordered map relinks entries at every get, which costs more than the
        // odd value pushed out while still in use and read from the store again
        this.values = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                if (eldest.getValue().dirty) {
                    evicted.put(eldest.getKey(), eldest.getValue());
                }
                return true;
            }
        };
        writes.register(this);
    }

    /** A cache of values stored as they are worked on. */
    public static <V> StateCache<V, V> of(KeyValueStore<String, V> store, int capacity, EventWrites writes) {
        return new StateCache<>(store, Function.identity(), Function.identity(), capacity, writes);
    }

    /**
     * A cache whose writes reach the store at the end of each event even when {@code writes} waits for the commit: for
     * values that grow with what happens (a number's calls), which a too large value must fail the event that made
     * it rather than the commit.
     */
    public static <S, V> StateCache<S, V> eachEvent(KeyValueStore<String, S> store, Function<S, V> decode,
            Function<V, S> encode, int capacity, EventWrites writes) {
        return new StateCache<>(store, decode, encode, capacity, writes, false);
    }

    /** The value under {@code key}, null when there is none. */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        if (deferred) {
            read.add(key);
        }
        Object value = slot(key).value;
        return value == ABSENT ? null : (V) value;
    }

    /** The key's slot, read from the store when the cache has none. */
    private Slot slot(String key) {
        Slot slot = values.get(key);
        if (slot != null) {
            return slot;
        }
        if (!evicted.isEmpty()) {
            // written behind since the last commit, then pushed out of the cache by others
            slot = evicted.remove(key);
            if (slot != null) {
                values.put(key, slot);
                return slot;
            }
        }
        Object value;
        if (!pending.isEmpty() && pending.containsKey(key)) {
            // written by this event, then pushed out of the cache by others
            value = pending.get(key);
        } else {
            S stored = store.get(key);
            value = stored == null ? null : decode.apply(stored);
            if (stored == null && behind) {
                slot = new Slot(key, ABSENT);
                slot.unstoredIn = commits;
                values.put(key, slot);
                return slot;
            }
        }
        slot = new Slot(key, value == null ? ABSENT : value);
        values.put(key, slot);
        return slot;
    }

    /** Changes the value under {@code key}, starting from {@code fresh} when there is none, and puts it. */
    public void update(String key, Supplier<V> fresh, Consumer<V> change) {
        V value = get(key);
        if (value == null) {
            value = fresh.get();
        }
        change.accept(value);
        put(key, value);
    }

    public void put(String key, V value) {
        write(key, value);
    }

    public void delete(String key) {
        write(key, null);
    }

    private void write(String key, V value) {
        if (behind) {
            Slot slot = slot(key);
            undo.add(new Undo(slot, slot.value, slot.dirty));
            slot.value = value == null ? ABSENT : value;
            if (!slot.dirty) {
                slot.dirty = true;
                dirty.add(slot);
            }
            return;
        }
        Slot slot = values.get(key);
        if (slot == null) {
            values.put(key, new Slot(key, value == null ? ABSENT : value));
        } else {
            slot.value = value == null ? ABSENT : value;
        }
        if (deferred) {
            pending.put(key, value);
            pendingPeak = Math.max(pendingPeak, pending.size());
        } else if (value == null) {
            store.delete(key);
        } else {
            store.put(key, encode.apply(value));
        }
    }

    /** The event is done: its writes go to the store, or wait for the commit; true when some wait. */
    boolean flush() {
        clearRead();
        if (behind) {
            if (undo.isEmpty()) {
                return false;
            }
            undo = cleared(undo);
            return true;
        }
        if (!pending.isEmpty()) {
            for (Map.Entry<String, V> write : pending.entrySet()) {
                storeWrite(write.getKey(), write.getValue());
            }
            clearPending();
        }
        return false;
    }

    private void clearRead() {
        read = cleared(read);
    }

    /** The list emptied: cleared when small, a new one when it grew large. */
    private static <T> List<T> cleared(List<T> list) {
        if (list.size() > REUSED_UP_TO) {
            return new ArrayList<>();
        }
        list.clear();
        return list;
    }

    private void clearPending() {
        if (pendingPeak > REUSED_UP_TO) {
            pending = new HashMap<>();
        } else {
            pending.clear();
        }
        pendingPeak = 0;
    }

    /** The task commits: the writes of the events done since the last commit go to the store. */
    void commit() {
        // mid-event (a scan, through store()), the event's own writes stay out of the store: it may still fail
        Map<String, Object> current = undo.isEmpty() ? Map.of() : takeBackEvent();
        if (!dirty.isEmpty()) {
            for (Slot slot : dirty) {
                // a slot no longer dirty was written by an event that failed
                if (slot.dirty) {
                    slot.dirty = false;
                    if (slot.value != ABSENT || slot.unstoredIn != commits) {
                        storeWrite(slot.key, slot.value);
                    }
                    if (slot.value == ABSENT) {
                        // A deleted key is seldom asked for again (a ticket whose visit ended): its slot leaves the
                        // cache, which then holds what is open, not all that was, and stays small enough to be quick.
                        values.remove(slot.key, slot);
                    }
                }
            }
            dirty = new ArrayList<>();
        }
        if (!evicted.isEmpty()) {
            evicted = new HashMap<>();
        }
        // nothing reached the store between two commits but through here: what was found missing is known until now
        commits++;
        current.forEach((key, value) -> write(key, value == ABSENT ? null : cast(value)));
    }

    @SuppressWarnings("unchecked")
    private V cast(Object value) {
        return (V) value;
    }

    /** Takes the event being processed's writes back, and returns them, by key, the latest of each. */
    private Map<String, Object> takeBackEvent() {
        Map<String, Object> current = new LinkedHashMap<>();
        for (Undo write : undo) {
            current.put(write.slot().key, write.slot().value);
        }
        rollBack();
        return current;
    }

    /** Puts back what the event being processed wrote over, latest write first. */
    private void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            Undo write = undo.get(i);
            write.slot().value = write.value();
            write.slot().dirty = write.dirty();
        }
        undo = cleared(undo);
    }

    /** Writes a value to the store, null or {@link #ABSENT} being a delete. */
    private void storeWrite(String key, Object value) {
        if (value == null || value == ABSENT) {
            store.delete(key);
        } else {
            store.put(key, encode.apply(cast(value)));
        }
    }

    void discard() {
        rollBack();
        for (String key : read) {
            // a value read from the store (not waiting for the commit) that the event may have changed in place
            Slot slot = values.get(key);
            if (slot != null && !slot.dirty) {
                values.remove(key);
            } else if (slot == null) {
                Slot pushedOut = evicted.get(key);
                if (pushedOut != null && !pushedOut.dirty) {
                    evicted.remove(key);
                }
            }
        }
        clearRead();
        for (String key : pending.keySet()) {
            values.remove(key);
        }
        clearPending();
    }

    /** The store behind, for scans: it holds every write but those of the event being processed. */
    public KeyValueStore<String, S> store() {
        commit();
        return store;
    }
}
