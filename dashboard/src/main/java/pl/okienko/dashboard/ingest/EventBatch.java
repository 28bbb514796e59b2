package pl.okienko.dashboard.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.EventJson;
import pl.okienko.schemas.InvalidRecordException;

/**
 * A request body of {@code POST /api/v1/events} read into events: one JSON event, or
 * NDJSON with one event per line (blank lines ignored). Every line is decoded and checked against the
 * whole event contract ({@code EventContract}, the same the topologies apply), so that a sender
 * learns about all its mistakes in one answer, not one per attempt.
 *
 * @param events the decoded events with their line numbers
 * @param errors one entry per line that is not a valid event; when not empty nothing may be written
 */
public record EventBatch(List<Line> events, List<LineError> errors) {

    /** @param line 1-based line number in the body */
    public record Line(int line, SpecificRecord event) {
    }

    /** @param line 1-based line number in the body */
    public record LineError(int line, String message) {
    }

    public EventBatch {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Reads a body holding exactly one JSON event (it may span several lines). */
    public static EventBatch ofJson(String body, Instant now) {
        List<Line> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        decode(1, body, now, events, errors);
        return new EventBatch(events, errors);
    }

    /** Reads an NDJSON body: one event per line, blank lines ignored. */
    public static EventBatch ofNdjson(String body, Instant now) {
        List<Line> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<String> lines = body.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (!text.isBlank()) {
                decode(i + 1, text, now, events, errors);
            }
        }
        return new EventBatch(events, errors);
    }

    private static void decode(int line, String text, Instant now, List<Line> events, List<LineError> errors) {
        try {
            events.add(new Line(line, EventJson.decode(text, now)));
        } catch (InvalidRecordException e) {
            errors.add(new LineError(line, e.getMessage()));
        }
    }
}
