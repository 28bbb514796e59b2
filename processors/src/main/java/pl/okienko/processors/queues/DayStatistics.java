package pl.okienko.processors.queues;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.period.LocalHours;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;

/**
 * What a queue's day adds up to: the counters of the office-local day (P1 fulfilment, Q3 call order, Q4
 * outcomes, Q5 pauses) and the wait and service sketches (Q1) of the day and of the minute a duration ended in.
 */
final class DayStatistics {

    static final Duration MINUTE = Duration.ofMinutes(1);

    /** The measure part of the statistics keys: a ticket's wait (issued → first call) and a service's time (Q1). */
    static final String WAIT = "wait";
    static final String SERVICE = "service";

    /** Queue days (counters, and sketches per measure) kept decoded: a few per queue of every office. */
    private static final int CACHED_DAYS = 4_096;

    /** Decoded while they stay in memory: a queue's day is added to by most of its events. */
    private final StateCache<QueueDayCounters, QueueDay> counters;
    private final StateCache<SketchState, DurationSketch> byDay;
    private final MinuteStats byMinute;
    private final Function<String, ZoneId> zone;
    private final LocalHours hours;

    /**
     * @param zone the time zone of an office, whose local day the figures fall in
     * @param hours the processor's local hours, shared with its hourly figures
     */
    DayStatistics(KeyValueStore<String, QueueDayCounters> counters, KeyValueStore<String, SketchState> byDay,
            MinuteStats byMinute, EventWrites writes, Function<String, ZoneId> zone, LocalHours hours) {
        this.counters = new StateCache<>(counters, QueueDay::fromState, QueueDay::toState, CACHED_DAYS, writes);
        this.byDay = new StateCache<>(byDay, DurationSketch::fromState, DurationSketch::toState, CACHED_DAYS, writes);
        this.byMinute = byMinute;
        this.zone = zone;
        this.hours = hours;
    }

    /** Adds to a queue's counters of the office-local day of {@code at}. */
    void update(String officeId, String queueId, long at, Consumer<QueueDay> change) {
        String key = Keys.of(officeId, queueId, day(officeId, at));
        counters.update(key, QueueDay::empty, change);
    }

    /** Adds one duration of {@code measure} to the minute window and to the office-local day it ended in. */
    void record(String officeId, String queueId, String measure, long millis, long at) {
        String key = Keys.of(officeId, queueId, measure);
        long minute = at - Math.floorMod(at, MINUTE.toMillis());
        byMinute.add(key, minute, millis);

        String dayKey = Keys.of(officeId, queueId, measure, day(officeId, at));
        byDay.update(dayKey, DurationSketch::new, inDay -> inDay.add(millis));
    }

    /** The office-local date of {@code at}, as keys hold it. */
    private String day(String officeId, long at) {
        return hours.of(officeId, zone.apply(officeId), at).dateText();
    }
}
