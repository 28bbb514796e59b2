package pl.okienko.simulator.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What the generators of one office's day of events share (the phone day, T1–T4 and I2; the incident
 * day, I1): the office, one random source seeded once, so that the same arguments give the same
 * events, ids included; the label that keeps ids unique across days and restarts; and the events made
 * so far, handed out in time order at the end. A subclass says how an event is enveloped.
 *
 * @param <E> the event envelope of the subclass's topic
 */
public abstract class OfficeDayGenerator<E> {

    protected final String officeId;
    protected final Random random;
    protected final String label;
    private final List<E> events = new ArrayList<>();

    protected OfficeDayGenerator(String officeId, long seed, String label) {
        this.officeId = Objects.requireNonNull(officeId, "officeId");
        this.random = new Random(seed);
        this.label = label;
    }

    /** The envelope of the day's {@code number}-th event (counted from 0 in the order made), occurring at {@code at}. */
    protected abstract E envelope(int number, Instant at, Object payload);

    /** When an envelope says its event occurred. */
    protected abstract Instant occurredAt(E event);

    /** Makes the next event. */
    protected final void emit(Instant at, Object payload) {
        events.add(envelope(events.size(), at, payload));
    }

    /** The events made so far in time order; the sort is stable, so events of one instant keep the order they were made in. */
    protected final List<E> inTimeOrder() {
        events.sort(Comparator.comparing(this::occurredAt));
        return events;
    }
}
