package pl.okienko.processors.queues;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.period.LocalHours;
import pl.okienko.processors.queues.state.QueueHourState;

/**
 * Adds to an office's figures of the office-local hour an event falls in ({@link QueueStore#HOURLY_SERIES}): the points
 * of the day charts of arrivals and services, clients waiting and the longest wait (Q1), and priority waits (P1).
 * {@link QueueHours} turns them into a day's series.
 */
final class HourlyFigures {

    /** Hours kept decoded: the current one of every office, and some before it for late events. */
    private static final int CACHED_HOURS = 4_096;

    /** Kept decoded: most events add to their office's current hour, several times. */
    private final StateCache<QueueHourState, QueueHourState> store;
    private final Function<String, ZoneId> zone;
    private final LocalHours hours;

    /**
     * @param zone the time zone of an office, whose local hours the figures fall in
     * @param hours the processor's local hours
     */
    HourlyFigures(KeyValueStore<String, QueueHourState> store, EventWrites writes, Function<String, ZoneId> zone,
            LocalHours hours) {
        this.store = StateCache.of(store, CACHED_HOURS, writes);
        this.zone = zone;
        this.hours = hours;
    }

    /** {@code officeId|yyyy-MM-dd|HH}: one office's day is a contiguous range, in hour order. */
    static String key(String officeId, LocalDate date, int hour) {
        return key(officeId, date.toString(), hour);
    }

    private static String key(String officeId, String date, int hour) {
        return Keys.of(officeId, date, Keys.padded(hour, 2));
    }

    void arrival(String officeId, long at) {
        update(officeId, at, h -> h.setArrivals(h.getArrivals() + 1));
    }

    void served(String officeId, long at) {
        update(officeId, at, h -> h.setServed(h.getServed() + 1));
    }

    /** A priority client (who did not decline) was called after {@code waitMillis}. */
    void priorityCalled(String officeId, long at, long waitMillis) {
        update(officeId, at, h -> {
            h.setPriorityServed(h.getPriorityServed() + 1);
            h.setPriorityWaitSumMillis(h.getPriorityWaitSumMillis() + waitMillis);
            h.setPriorityWaitMaxMillis(Math.max(h.getPriorityWaitMaxMillis(), waitMillis));
        });
    }

    /** A client left the line (called, cancelled, transferred away) after waiting {@code waitMillis}. */
    void waitEnded(String officeId, long at, long waitMillis) {
        update(officeId, at, h -> h.setLongestWaitEndedMillis(Math.max(h.getLongestWaitEndedMillis(), waitMillis)));
    }

    /**
     * The office's lines after a change at {@code at}: {@code waiting} clients in all, the longest-waiting since
     * {@code oldestSince} (null when nobody waits). An event that arrives late is filed under its own hour as the
     * last state of that hour: a chart point, not a figure any rule judges.
     */
    void linesChanged(String officeId, long at, int waiting, Long oldestSince) {
        update(officeId, at, h -> {
            h.setLinesChanged(true);
            h.setPeakWaiting(Math.max(h.getPeakWaiting(), waiting));
            h.setWaitingAtEnd(waiting);
            h.setOldestWaitingSince(oldestSince);
        });
    }

    private void update(String officeId, long at, Consumer<QueueHourState> change) {
        LocalHours.Hour local = hours.of(officeId, zone.apply(officeId), at);
        String key = key(officeId, local.dateText(), local.hour());
        store.update(key, () -> QueueHourState.newBuilder().build(), change);
    }
}
