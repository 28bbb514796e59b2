package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    /** Marks a key known to have no value, so that a miss is not read from the store again. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, S> store;
    private final Function<S, V> decode;
    private final Function<V, S> encode;
    private final boolean deferred;
    private final boolean behind;
    /** By key, the decoded value or {@link #ABSENT}. */
    private final Map<String, Object> values;
    /**
     * Above this many entries, a map of writes is replaced rather than cleared once written: a hash map never
     * shrinks, and one punctuation that wrote thousands of keys would leave every later event iterating and clearing
     * a table of thousands of empty buckets.
     */
    private static final int REUSED_UP_TO = 64;

    /** Marks, in {@link #undo}, a key {@link #done} did not hold before the event wrote it. */
    private static final Object NOT_WRITTEN = new Object();

    /** Not written behind: the event's writes not yet in the store, by key: the value, or null for a delete. */
    private Map<String, V> pending = new HashMap<>();
    private int pendingPeak;
    /**
     * Written behind: the writes of the events since the last commit, the event being processed included, by key:
     * the value, or {@link #ABSENT} for a delete (never null, so that one lookup tells a delete from no write).
     */
    private Map<String, Object> done = new HashMap<>();
    /**
     * Written behind: for each write of the event being processed, in order, its key and what {@link #done} held
     * under it before ({@link #NOT_WRITTEN} for nothing), to take the event back when it fails. An event writes
     * straight into {@link #done}: moving its writes there from a map of its own, at every event, cost a tenth of
     * the queue topology's thread.
     */
    private final List<Object> undo = new ArrayList<>();
    /**
     * The keys the event being processed read: a value it changed in place and then failed before putting is read
     * from the store again rather than kept changed.
     */
    private List<String> read = new ArrayList<>();
    /**
     * Written behind: keys the store was found without since the last commit (nothing reaches it in between), whose
     * delete need not be written: a ticket issued and closed between two commits, as in a replay, costs no write.
     */
    private Set<String> unstored = new HashSet<>();

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
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
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
        Object known = values.get(key);
        if (known == null) {
            if (!pending.isEmpty() && pending.containsKey(key)) {
                // written by this event, then pushed out of the cache by others
                return pending.get(key);
            }
            V value;
            // written by this or an earlier event since the last commit, then pushed out of the cache by others
            Object written = done.isEmpty() ? null : done.get(key);
            if (written != null) {
                value = written == ABSENT ? null : (V) written;
            } else {
                S stored = store.get(key);
                if (stored == null && behind) {
                    unstored.add(key);
                }
                value = stored == null ? null : decode.apply(stored);
            }
            values.put(key, value == null ? ABSENT : value);
            return value;
        }
        return known == ABSENT ? null : (V) known;
    }

    public void put(String key, V value) {
        values.put(key, value);
        write(key, value);
    }

    public void delete(String key) {
        values.put(key, ABSENT);
        write(key, null);
    }

    private void write(String key, V value) {
        if (behind) {
            Object before = done.put(key, value == null ? ABSENT : value);
            undo.add(key);
            undo.add(before == null ? NOT_WRITTEN : before);
        } else if (deferred) {
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
            undo.clear();
            return true;
        }
        if (!pending.isEmpty()) {
            write(pending);
            clearPending();
        }
        return false;
    }

    private void clearRead() {
        if (read.size() > REUSED_UP_TO) {
            read = new ArrayList<>();
        } else {
            read.clear();
        }
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
        Map<String, V> current = undo.isEmpty() ? Map.of() : takeBackEvent();
        if (!done.isEmpty()) {
            done.entrySet().removeIf(write -> write.getValue() == ABSENT && unstored.contains(write.getKey()));
            write(done);
            done = new HashMap<>();
        }
        if (!unstored.isEmpty()) {
            unstored = new HashSet<>();
        }
        current.forEach(this::write);
    }

    /** Removes the event being processed's writes from {@link #done}, and returns them. */
    @SuppressWarnings("unchecked")
    private Map<String, V> takeBackEvent() {
        Map<String, V> current = new LinkedHashMap<>();
        for (int i = 0; i < undo.size(); i += 2) {
            String key = (String) undo.get(i);
            Object written = done.get(key);
            current.put(key, written == ABSENT ? null : (V) written);
        }
        restoreDone();
        return current;
    }

    /** Puts back into {@link #done} what it held before the event being processed, latest write first. */
    private void restoreDone() {
        for (int i = undo.size() - 2; i >= 0; i -= 2) {
            String key = (String) undo.get(i);
            Object before = undo.get(i + 1);
            if (before == NOT_WRITTEN) {
                done.remove(key);
            } else {
                done.put(key, before);
            }
        }
        undo.clear();
    }

    /** Writes each value, null or {@link #ABSENT} being a delete. */
    @SuppressWarnings("unchecked")
    private void write(Map<String, ?> writes) {
        for (Map.Entry<String, ?> write : writes.entrySet()) {
            Object value = write.getValue();
            if (value == null || value == ABSENT) {
                store.delete(write.getKey());
            } else {
                store.put(write.getKey(), encode.apply((V) value));
            }
        }
    }

    void discard() {
        for (String key : read) {
            values.remove(key);
        }
        clearRead();
        for (String key : pending.keySet()) {
            values.remove(key);
        }
        clearPending();
        for (int i = 0; i < undo.size(); i += 2) {
            values.remove((String) undo.get(i));
        }
        restoreDone();
    }

    /** The store behind, for scans: it holds every write but those of the event being processed. */
    public KeyValueStore<String, S> store() {
        commit();
        return store;
    }
}
