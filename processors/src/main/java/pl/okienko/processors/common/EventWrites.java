package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The state writes of one event (or one punctuation), made once per key when it is done: a ticket, a line or a
 * queue's hour that the event changes several times is encoded and put into its store once, not at every change.
 * An event that fails is dropped whole from the cached stores: what it wrote is discarded and its keys are read
 * from the stores again.
 *
 * <p>Exactly-once stays whole: every write reaches its store while Kafka Streams is still processing the record
 * (or punctuation) that made it, before the commit that includes it. {@link #immediate()} writes at once, for a
 * class tested on its own.
 */
public final class EventWrites {

    private final boolean deferred;
    private final List<StateCache<?, ?>> caches = new ArrayList<>();
    private final List<Runnable> onDiscard = new ArrayList<>();

    private EventWrites(boolean deferred) {
        this.deferred = deferred;
    }

    /** Writes held until {@link #flush}: an {@link OfficeEventIntake}'s, flushed after each event and punctuation. */
    public static EventWrites deferred() {
        return new EventWrites(true);
    }

    /** Every write goes to its store at once. */
    public static EventWrites immediate() {
        return new EventWrites(false);
    }

    boolean isDeferred() {
        return deferred;
    }

    void register(StateCache<?, ?> cache) {
        caches.add(cache);
    }

    /**
     * Registers what must forget its own copies when an event fails: a summary kept beside a cache (an office's
     * lines in all, its priority waits' keys) that the failed event already changed.
     */
    public void onDiscard(Runnable forget) {
        onDiscard.add(forget);
    }

    /** Puts what the event changed into the stores. */
    public void flush() {
        for (StateCache<?, ?> cache : caches) {
            cache.flush();
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
