package pl.okienko.processors.queues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import pl.okienko.processors.queues.state.RecentCall;
import pl.okienko.processors.queues.state.WaitingEntry;
import pl.okienko.processors.queues.state.WaitingLineState;

/**
 * The clients waiting in one queue, in order of arrival (Q1 waiting now and longest wait, Q2),
 * and the calls of the last grace period (P1, Q3). Entries are kept sorted by the time they
 * started waiting, so a late-arriving event still takes its rightful place, and a late issue can
 * still be judged against the calls made after it.
 */
public final class WaitingLine {

    /**
     * The most clients one line holds; a ticket that would join a full line fails its event (to the dead-letter
     * topic). With as many recent calls, the stored line stays below what a state record may hold
     * ({@code AvroSerde.MAX_RECORD_BYTES}) whatever its ids ({@code EventContract.MAX_ID_CHARS}), so that it can
     * be stored once per commit: no commit can fail for a line grown too large. A real queue holds a few hundred.
     */
    static final int MAX_WAITING = 1_000;
    /** The most recent calls one line remembers; beyond, the oldest are forgotten (see {@link #MAX_WAITING}). */
    static final int MAX_RECENT_CALLS = 1_000;

    private static final Comparator<WaitingEntry> BY_SINCE = Comparator.comparingLong(WaitingEntry::getSince);

    private final List<WaitingEntry> entries;
    private final List<RecentCall> recentCalls;

    private WaitingLine(List<WaitingEntry> entries, List<RecentCall> recentCalls) {
        this.entries = entries;
        this.recentCalls = recentCalls;
    }

    public static WaitingLine empty() {
        return new WaitingLine(new ArrayList<>(), new ArrayList<>());
    }

    public static WaitingLine fromState(WaitingLineState state) {
        return state == null ? empty()
                : new WaitingLine(new ArrayList<>(state.getEntries()), new ArrayList<>(state.getRecentCalls()));
    }

    public WaitingLineState toState() {
        return new WaitingLineState(List.copyOf(entries), List.copyOf(recentCalls));
    }

    /** The clients waiting, longest first. */
    public List<WaitingEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Remembers a call for the grace period, dropping calls older than {@code graceMillis}
     * before the newest call, so late events can still be judged against it.
     */
    public void rememberCall(RecentCall call, long graceMillis) {
        recentCalls.add(call);
        long newest = call.getCalledAt();
        for (RecentCall recent : recentCalls) {
            newest = Math.max(newest, recent.getCalledAt());
        }
        long cutoff = newest;
        recentCalls.removeIf(c -> c.getCalledAt() < cutoff - graceMillis);
        if (recentCalls.size() > MAX_RECENT_CALLS) {
            recentCalls.sort(Comparator.comparingLong(RecentCall::getCalledAt));
            recentCalls.subList(0, recentCalls.size() - MAX_RECENT_CALLS).clear();
        }
    }

    /** The remembered calls made after {@code millis}; the returned objects are live: changes are kept. */
    public List<RecentCall> callsAfter(long millis) {
        List<RecentCall> after = new ArrayList<>();
        for (RecentCall call : recentCalls) {
            if (call.getCalledAt() > millis) {
                after.add(call);
            }
        }
        return after;
    }

    /** Adds a client waiting since {@code sinceMillis}; a ticket already in line is moved, not doubled. */
    public void join(String ticketId, long sinceMillis) {
        if (!leave(ticketId) && entries.size() >= MAX_WAITING) {
            throw new IllegalStateException("the line already holds " + MAX_WAITING
                    + " waiting clients, the most Okienko keeps for one queue");
        }
        WaitingEntry entry = new WaitingEntry(ticketId, sinceMillis);
        int at = 0;
        while (at < entries.size() && BY_SINCE.compare(entries.get(at), entry) <= 0) {
            at++;
        }
        entries.add(at, entry);
    }

    /** Removes a client; returns whether it was waiting. */
    public boolean leave(String ticketId) {
        return entries.removeIf(e -> e.getTicketId().equals(ticketId));
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** When the longest-waiting client started waiting. */
    public OptionalLong oldestSince() {
        return entries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(entries.get(0).getSince());
    }

    /** The longest current wait at {@code nowMillis}, 0 when nobody waits. */
    public long longestWaitMillis(long nowMillis) {
        return entries.isEmpty() ? 0 : Math.max(0, nowMillis - entries.get(0).getSince());
    }
}
