package pl.okienko.processors.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * The office-local date and hour of an instant (the day counters and hourly figures of Q1–Q5 and P1 are filed under
 * them), remembered per office for the stretch of time last asked: an office's events mostly fall in the hour of its
 * previous one, and working the hour out from the time zone at every event cost a visible share of a queue event.
 * A stretch is remembered only while the zone's offset stays the same, so the answer is the zone's own across
 * daylight-saving changes. Belongs to one processor (one stream thread): not thread-safe.
 */
public final class LocalHours {

    /** An office-local hour: its date (also as ISO text, as keys hold it) and its hour of the day, 0–23. */
    public record Hour(LocalDate date, String dateText, int hour) {
    }

    /** Instants from {@code from} (inclusive) to {@code until} (exclusive) all fall in {@code hour} of {@code zone}. */
    private record Stretch(ZoneId zone, long from, long until, Hour hour) {
    }

    private final Map<String, Stretch> byOffice = new HashMap<>();

    /** The hour of {@code zone} that {@code atMillis} falls in, for the office whose stretch it may reuse. */
    public Hour of(String officeId, ZoneId zone, long atMillis) {
        Stretch known = byOffice.get(officeId);
        if (known != null && atMillis >= known.from && atMillis < known.until && known.zone.equals(zone)) {
            return known.hour;
        }
        Stretch stretch = stretch(zone, atMillis);
        byOffice.put(officeId, stretch);
        return stretch.hour;
    }

    private static Stretch stretch(ZoneId zone, long atMillis) {
        Instant at = Instant.ofEpochMilli(atMillis);
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        // the local hour's bounds on the instant line, cut to where the offset changes
        long from = local.truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli();
        long until = local.toLocalDateTime().truncatedTo(ChronoUnit.HOURS).plusHours(1).atZone(zone).toInstant().toEpochMilli();
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochMilli(atMillis + 1));
        if (previous != null) {
            from = Math.max(from, previous.getInstant().toEpochMilli());
        }
        ZoneOffsetTransition next = rules.nextTransition(at);
        if (next != null) {
            until = Math.min(until, next.getInstant().toEpochMilli());
        }
        from = Math.min(from, atMillis);
        until = Math.max(until, atMillis + 1);
        return new Stretch(zone, from, until, new Hour(date, date.toString(), local.getHour()));
    }
}
