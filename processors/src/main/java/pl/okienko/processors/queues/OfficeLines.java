package pl.okienko.processors.queues;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.queues.state.WaitingLineState;

/**
 * The offices' waiting lines ({@link QueueStore#WAITING_LINES}, kept decoded in front of the store) and each
 * office's lines summed up (Q1, for the day charts of {@link HourlyFigures}): how many clients wait in all, and
 * since when the longest. Every change of a line goes through {@link #put}, which stores it and updates the
 * office's totals, so a change costs no scan of the office's lines.
 *
 * <p>The totals live in memory beside the store, each office's loaded from the store at its first use and written
 * through after; one instance belongs to one processor instance, opened anew whenever Kafka Streams restores the
 * task's stores, so it never holds what the store does not.
 */
final class OfficeLines {

    /** Lines kept decoded: every queue of the offices of one instance. */
    private static final int CACHED_LINES = 16_384;


    /** One line's part of the totals. */
    private record Line(int size, OptionalLong oldestSince) {

        static Line of(WaitingLine line) {
            return new Line(line.size(), line.oldestSince());
        }
    }

    private final StateCache<WaitingLineState, WaitingLine> lines;
    private final Map<String, Map<String, Line>> byOffice = new HashMap<>();

    OfficeLines(KeyValueStore<String, WaitingLineState> lines, EventWrites writes) {
        // bounded in size (WaitingLine.MAX_WAITING), so a line can be stored once per commit
        this.lines = new StateCache<>(lines, WaitingLine::fromState, WaitingLine::toState, CACHED_LINES, writes);
        // the totals are loaded again from the store after a failed event
        writes.onDiscard(byOffice::clear);
    }

    /**
     * The line of the office's queue (empty when nobody ever waited there), to change and {@link #put}: the live
     * line, changed in place only when it is put afterwards, in the same event.
     */
    WaitingLine get(String officeId, String queueId) {
        WaitingLine line = lines.get(Keys.of(officeId, queueId));
        return line == null ? WaitingLine.empty() : line;
    }

    /** Stores the line of the office's queue. */
    void put(String officeId, String queueId, WaitingLine line) {
        lines.put(Keys.of(officeId, queueId), line);
        office(officeId).put(queueId, Line.of(line));
    }

    /** The office's lines by queue, as the events before the current one left them. */
    Map<String, WaitingLine> ofOffice(String officeId) {
        Map<String, WaitingLine> lines = new LinkedHashMap<>();
        Keys.scan(this.lines.store(), Keys.officePrefix(officeId),
                (key, stored) -> lines.put(Keys.part(key, 1), WaitingLine.fromState(stored)));
        return lines;
    }

    /** How many clients wait in the office's lines. */
    int waiting(String officeId) {
        int waiting = 0;
        for (Line line : office(officeId).values()) {
            waiting += line.size();
        }
        return waiting;
    }

    /** When the longest-waiting client of the office started waiting; empty when nobody waits. */
    OptionalLong oldestSince(String officeId) {
        OptionalLong oldest = OptionalLong.empty();
        for (Line line : office(officeId).values()) {
            if (line.oldestSince().isPresent()
                    && (oldest.isEmpty() || line.oldestSince().getAsLong() < oldest.getAsLong())) {
                oldest = line.oldestSince();
            }
        }
        return oldest;
    }

    private Map<String, Line> office(String officeId) {
        Map<String, Line> office = byOffice.get(officeId);
        if (office == null) {
            Map<String, Line> loaded = new HashMap<>();
            ofOffice(officeId).forEach((queueId, line) -> loaded.put(queueId, Line.of(line)));
            byOffice.put(officeId, loaded);
            office = loaded;
        }
        return office;
    }
}
