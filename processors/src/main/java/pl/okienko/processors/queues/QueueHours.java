package pl.okienko.processors.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import pl.okienko.processors.queues.state.QueueHourState;

/**
 * An office's queue day hour by hour (Q1, P1), from the figures {@link HourlyFigures} filed: every hour from the
 * first with figures to the last (to the current one, today), an hour with no change of the lines keeping the
 * clients the hour before left waiting. Each day starts with nobody waiting.
 */
final class QueueHours {

    private QueueHours() {
    }

    /**
     * @param byHour the day's figures by hour of day
     * @param now the instant the current hour's longest wait is measured at
     */
    static List<QueueHourView> series(SortedMap<Integer, QueueHourState> byHour, LocalDate date, ZoneId zone,
            Instant now) {
        if (byHour.isEmpty()) {
            return List.of();
        }
        int last = byHour.lastKey();
        if (now.atZone(zone).toLocalDate().equals(date)) {
            last = Math.max(last, now.atZone(zone).getHour());
        }
        List<QueueHourView> hours = new ArrayList<>();
        int waiting = 0;
        Long oldestSince = null;
        for (int hour = byHour.firstKey(); hour <= last; hour++) {
            QueueHourState figures = byHour.get(hour);
            int peak = waiting;
            long longestEnded = 0;
            if (figures != null && figures.getLinesChanged()) {
                peak = Math.max(peak, figures.getPeakWaiting());
                waiting = figures.getWaitingAtEnd();
                oldestSince = figures.getOldestWaitingSince();
            }
            if (figures != null) {
                longestEnded = figures.getLongestWaitEndedMillis();
            }
            long end = Math.min(end(date, hour, zone), now.toEpochMilli());
            long stillWaiting = oldestSince == null ? 0 : Math.max(0, end - oldestSince);
            hours.add(view(hour, figures, peak, Math.max(longestEnded, stillWaiting)));
        }
        return hours;
    }

    private static QueueHourView view(int hour, QueueHourState figures, int peak, long longestWaitMillis) {
        if (figures == null) {
            return new QueueHourView(hour, 0, 0, peak, longestWaitMillis / 1000, 0, null, null);
        }
        long called = figures.getPriorityServed();
        return new QueueHourView(hour, figures.getArrivals(), figures.getServed(), peak, longestWaitMillis / 1000,
                called, called == 0 ? null : figures.getPriorityWaitMaxMillis() / 1000,
                called == 0 ? null : figures.getPriorityWaitSumMillis() / 1000.0 / called);
    }

    /** The instant the hour ends (the next hour starts), in the office's zone. */
    private static long end(LocalDate date, int hour, ZoneId zone) {
        return date.atTime(LocalTime.of(hour, 0)).plusHours(1).atZone(zone).toInstant().toEpochMilli();
    }
}
