package pl.okienko.processors.deadlines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

import pl.okienko.processors.common.Keys;

/**
 * One pending deadline per item, moved as the item's state changes, kept in memory in due-time order: serves the
 * wall-clock thresholds that pass with no event, P1 (a priority wait passes its target) and Q2 (a queue's longest
 * wait passes the limit), so a check reads only what is due instead of every waiting client and every line, and a
 * replay asks for one office's due deadlines before each of its events at the cost of a look into a sorted set.
 *
 * <p>No store holds them: every deadline follows from state that is stored (a line, its alarm and the policy; a
 * priority wait and the policy), so the processor arms them all again from that state whenever Kafka Streams
 * opens its task, and a moved deadline costs no write and no changelog record.
 */
public final class DeadlineTimers {

    /** The index's order: due time, then {@code officeId|itemId} as text (the rest of its key). */
    private static final Comparator<DeadlineIndex.Due> ORDER = Comparator.comparingLong(DeadlineIndex.Due::dueAtMillis)
            .thenComparing(DeadlineTimers::compareItems);

    private final NavigableSet<DeadlineIndex.Due> pending = new TreeSet<>(ORDER);
    private final Map<String, NavigableSet<DeadlineIndex.Due>> pendingByOffice = new HashMap<>();
    /** {@code officeId|itemId} → due time. */
    private final Map<String, Long> dueByKey = new HashMap<>();

    /** Moves the item's deadline to {@code dueAtMillis}; null cancels it. */
    public void set(String officeId, String itemId, Long dueAtMillis) {
        String key = Keys.of(officeId, itemId);
        Long current = dueByKey.get(key);
        if (Objects.equals(current, dueAtMillis)) {
            return;
        }
        if (current != null) {
            forget(new DeadlineIndex.Due(current, officeId, itemId));
        }
        if (dueAtMillis == null) {
            dueByKey.remove(key);
        } else {
            dueByKey.put(key, dueAtMillis);
            remember(new DeadlineIndex.Due(dueAtMillis, officeId, itemId));
        }
    }

    /** Forgets every deadline, to arm them again from the stored state. */
    public void clear() {
        pending.clear();
        pendingByOffice.clear();
        dueByKey.clear();
    }

    /** Every deadline due at or before {@code nowMillis}, earliest first; each stays until it is set again. */
    public List<DeadlineIndex.Due> due(long nowMillis) {
        return dueIn(pending, nowMillis);
    }

    /** The office's deadlines due at or before {@code nowMillis}, earliest first, as {@link #due(long)} orders them. */
    public List<DeadlineIndex.Due> due(String officeId, long nowMillis) {
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
