package pl.okienko.processors.common;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.state.OfficeClockState;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * Each office's clock for the alert rules that wait for time to pass (P1 target, Q2 longest wait, I1
 * hotspot window), so that a replay of past events raises the same alerts whatever the processing speed.
 *
 * <p>An office is <em>live</em> while its latest event was processed no more than {@link #LIVE_LAG} after
 * it happened (by the wall clock). Live, a rule's now is the later of the wall clock and the office's event
 * time, so an alert still comes on the wall clock with no further event. Otherwise (a replay, or a backlog
 * after an outage) now is the office's event time: it moves only with the office's events, and a wall-clock
 * punctuation finds nothing that the next event would not find at the same instant.
 */
public final class OfficeClocks {

    /**
     * How far behind the wall clock an office's events may be processed and still count as live: more than
     * the few seconds a live event takes to arrive, far less than a replay of a past day.
     */
    public static final Duration LIVE_LAG = Duration.ofMinutes(5);

    /** Offices' clocks kept decoded: every event reads and moves its office's. */
    private static final int CACHED_CLOCKS = 16_384;

    private final StateCache<OfficeClockState, OfficeClockState> store;

    public OfficeClocks(KeyValueStore<String, OfficeClockState> store, EventWrites writes) {
        this.store = StateCache.of(store, CACHED_CLOCKS, writes);
    }

    /**
     * A changelogged store of the clocks of one topology, keyed by officeId; with no record cache, since the
     * clocks stay decoded and may be written behind ({@link WriteBehind}).
     */
    public static StoreBuilder<KeyValueStore<String, OfficeClockState>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                AvroSerde.of(OfficeClockState.class));
    }

    /** Moves the office's clock to an event at {@code eventTime} processed at {@code wallClock}; returns its time. */
    public RuleTime observe(String officeId, long eventTime, long wallClock) {
        OfficeClockState previous = store.get(officeId);
        OfficeClockState next = advance(previous, eventTime, wallClock);
        if (!next.equals(previous)) {
            // an office's events often share their second; an unchanged clock costs no write
            store.put(officeId, next);
        }
        return timeOf(next, wallClock);
    }

    /** The office's time at {@code wallClock}; an office with no clock yet is live. */
    public RuleTime time(String officeId, long wallClock) {
        return timeOf(store.get(officeId), wallClock);
    }

    static OfficeClockState advance(OfficeClockState clock, long eventTime, long wallClock) {
        // An event stamped ahead (the contract allows a day) must not move the office into the future: every
        // waiting client would pass its target at once. Its own figures still use its time.
        long capped = Math.min(eventTime, wallClock + LIVE_LAG.toMillis());
        long reached = clock == null ? capped : Math.max(clock.getEventTime(), capped);
        return new OfficeClockState(reached, wallClock - reached <= LIVE_LAG.toMillis());
    }

    static RuleTime timeOf(OfficeClockState clock, long wallClock) {
        if (clock == null) {
            return new RuleTime(wallClock, true);
        }
        return clock.getLive() ? new RuleTime(Math.max(wallClock, clock.getEventTime()), true)
                : new RuleTime(clock.getEventTime(), false);
    }
}
