package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The state writes of one event (or one punctuation), made once per key when it is done: a ticket, a line or a
 * queue's hour that the event changes several times is encoded and put into its store once, not at every change.
 * An event that fails is dropped whole from the cached stores: what it wrote is discarded and its keys are read
 * from the stores again.
 *
 * <p>{@link #behind} goes further: what the events since the last commit wrote stays decoded in memory and is
 * encoded and put into the stores once, when Kafka Streams commits the task ({@link WriteBehind}); a queue's day
 * figures that a thousand events change between two commits are encoded once, not a thousand times.
 *
 * <p>Exactly-once stays whole: every write reaches its store before the commit that includes the record (or
 * punctuation) that made it. {@link #immediate()} writes at once, for a class tested on its own.
 */
public final class EventWrites {

    private final boolean deferred;
    /** Set when the writes wait for the commit. */
    private final WriteBehind behind;
    private final List<StateCache<?, ?>> caches = new ArrayList<>();
    private final List<Runnable> onDiscard = new ArrayList<>();
    /** Writers of their own that hold their writes for the commit too ({@link #beforeCommit}). */
    private final List<Runnable> beforeCommit = new ArrayList<>();

    private EventWrites(boolean deferred, WriteBehind behind) {
        this.deferred = deferred;
        this.behind = behind;
    }

    /** Writes held until {@link #flush}: an {@link OfficeEventIntake}'s, flushed after each event and punctuation. */
    public static EventWrites deferred() {
        return new EventWrites(true, null);
    }

    /**
     * Writes held until {@link #commit}, which {@code commitPoint} runs before Kafka Streams commits the task;
     * each event's are still {@link #flush}ed or {@link #discard}ed whole.
     */
    static EventWrites behind(WriteBehind commitPoint) {
        EventWrites writes = new EventWrites(true, commitPoint);
        commitPoint.onCommit(writes::commit);
        return writes;
    }

    /** Every write goes to its store at once. */
    public static EventWrites immediate() {
        return new EventWrites(false, null);
    }

    boolean isDeferred() {
        return deferred;
    }

    boolean isBehind() {
        return behind != null;
    }

    void register(StateCache<?, ?> cache) {
        caches.add(cache);
    }

    /**
     * Runs {@code write} before every commit, with the held writes of the caches (only when written {@link #behind});
     * a writer that has something waiting says so with {@link #hold}.
     */
    void beforeCommit(Runnable write) {
        beforeCommit.add(write);
    }

    /** Something registered with {@link #beforeCommit} waits for the next commit: it will be run before it. */
    void hold() {
        if (behind != null) {
            behind.mark();
        }
    }

    /**
     * Registers what must forget its own copies when an event fails: a summary kept beside a cache (an office's
     * lines in all, its priority waits' keys) that the failed event already changed.
     */
    public void onDiscard(Runnable forget) {
        onDiscard.add(forget);
    }

    /** The event is done: what it changed goes into the stores (or, {@link #behind}, waits for the commit). */
    public void flush() {
        boolean waiting = false;
        for (StateCache<?, ?> cache : caches) {
            waiting |= cache.flush();
        }
        if (waiting) {
            behind.mark();
        }
    }

    /** Puts what the events since the last commit changed into the stores. */
    void commit() {
        for (StateCache<?, ?> cache : caches) {
            cache.commit();
        }
        beforeCommit.forEach(Runnable::run);
    }

    /**
     * The processor closes: what its events wrote behind goes into the stores now, since Kafka Streams closes a
     * task's processors (when it suspends the task, at a rebalance) before its last commit flushes the caches; its
     * writes are then no longer run at commits.
     */
    void close() {
        if (behind != null) {
            commit();
            behind.close();
        }
    }

    /** Forgets what a failed event changed, so that the stores' values are read again. */
    public void discard() {
        for (StateCache<?, ?> cache : caches) {
            cache.discard();
        }
        onDiscard.forEach(Runnable::run);
    }

    /** Runs {@code work}, then flushes its writes; discards them when it fails. */
    public void around(Runnable work) {
        try {
            work.run();
            // a write the store refuses (a value grown too large) fails the event like an error in it
            flush();
        } catch (RuntimeException | Error e) {
            discard();
            throw e;
        }
    }
}
