package pl.okienko.processors.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.queues.state.PriorityWaitState;

/**
 * The priority clients waiting now (P1), each with its one deadline: the instant its wait passes the
 * policy's target, pending while it is neither declined nor already warned about. Every change goes through
 * here, so the deadline moves with the wait and the wall clock reads only the waits that are due.
 */
final class PriorityWaits {

    /** Prefix of a priority wait's item in the queue deadlines, before the ticketId. */
    static final String ITEM = "P1|";

    /** Waits kept decoded: every priority client waiting in the offices of one instance. */
    private static final int CACHED_WAITS = 16_384;

    private final StateCache<PriorityWaitState, PriorityWaitState> store;
    private final DeadlineTimers timers;
    private final BiFunction<String, String, Duration> target;
    /**
     * The keys of each office's waits, so a call does not scan the store for them (a regular call judges every
     * priority client of its office, P1). Written through with the store; one instance belongs to one processor
     * instance, opened anew whenever Kafka Streams restores the task's stores.
     */
    private final Map<String, NavigableSet<String>> keysByOffice = new HashMap<>();

    /** @param target the P1 target wait of an office's queue */
    PriorityWaits(KeyValueStore<String, PriorityWaitState> store, EventWrites writes, DeadlineTimers timers,
            BiFunction<String, String, Duration> target) {
        this.store = StateCache.of(store, CACHED_WAITS, writes);
        // the keys are loaded again from the store after a failed event
        writes.onDiscard(keysByOffice::clear);
        this.timers = timers;
        this.target = target;
    }

    /** The wait under {@code key}, null when there is none: the office's keys answer for most tickets, not priority. */
    PriorityWaitState get(String key) {
        return keysOf(Keys.part(key, 0)).contains(key) ? store.get(key) : null;
    }

    /** Stores the wait and moves its deadline. */
    void put(String key, PriorityWaitState waiting) {
        store.put(key, waiting);
        String officeId = Keys.part(key, 0);
        keysOf(officeId).add(key);
        timers.set(officeId, ITEM + waiting.getTicketId(), dueAt(officeId, waiting));
    }

    void delete(String key) {
        store.delete(key);
        keysOf(Keys.part(key, 0)).remove(key);
        timers.set(Keys.part(key, 0), ITEM + Keys.part(key, 1), null);
    }

    /** When the wall clock must look at this wait again; null when nothing is left to warn about. */
    Long dueAt(String officeId, PriorityWaitState waiting) {
        if (waiting.getDeclined() || waiting.getAlertId() != null) {
            return null;
        }
        return PriorityRules.targetPassedAt(waiting.getSince(), target.apply(officeId, waiting.getQueueId()));
    }

    /** The office's priority clients waiting now, by ticketId. */
    List<KeyValue<String, PriorityWaitState>> ofOffice(String officeId) {
        List<KeyValue<String, PriorityWaitState>> result = new ArrayList<>();
        for (String key : keysOf(officeId)) {
            result.add(KeyValue.pair(key, store.get(key)));
        }
        return result;
    }

    /** The keys of the office's waits, in the store's order: loaded from the store at the office's first use. */
    private NavigableSet<String> keysOf(String officeId) {
        NavigableSet<String> keys = keysByOffice.get(officeId);
        if (keys == null) {
            NavigableSet<String> loaded = new TreeSet<>();
            Keys.scan(store.store(), Keys.officePrefix(officeId), (key, wait) -> loaded.add(key));
            keysByOffice.put(officeId, loaded);
            keys = loaded;
        }
        return keys;
    }

    /** Every wait, for the one pass after a start that arms waits stored before their deadlines existed. */
    List<KeyValue<String, PriorityWaitState>> all() {
        List<KeyValue<String, PriorityWaitState>> result = new ArrayList<>();
        try (KeyValueIterator<String, PriorityWaitState> it = store.store().all()) {
            it.forEachRemaining(result::add);
        }
        return result;
    }
}
