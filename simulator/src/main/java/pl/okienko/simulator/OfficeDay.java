package pl.okienko.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;

/**
 * Generates one office's day of queue and desk events: a deterministic discrete-event simulation
 * of a ticket machine and its desks. It produces the traffic every queue and priority rule is
 * measured on: waits, service times, desks open (Q1), a long queue at the rush (Q2), arrival order
 * with rare out-of-order calls (Q3), outcomes and transfers (Q4), announced pauses that overrun
 * (Q5), priority clients offered, declining, and now and then bypassed under load (P1), plus
 * recalls, no-shows and clients who give up.
 *
 * <p>The result is a time-ordered list of {@link pl.okienko.events.queue.QueueEvent} and
 * {@link pl.okienko.events.desk.DeskEvent} envelopes, all with the office's id (their Kafka key).
 * Arrivals stop shortly before the end of the day; the desks then serve whoever still waits, so
 * the last events may come a little after {@code start + length}. The same arguments always give
 * the same events, ids included.
 */
public final class OfficeDay {

    private OfficeDay() {
    }

    /** An ordinary business day (see {@link DayPlan#businessDay()}). */
    public static List<SpecificRecord> generate(Office office, Instant start, Duration length, long seed) {
        return generate(office, start, length, seed, DayPlan.businessDay());
    }

    public static List<SpecificRecord> generate(Office office, Instant start, Duration length, long seed, DayPlan plan) {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(plan, "plan");
        return new DaySimulation(office, start, length, seed, plan).run();
    }
}
