package pl.okienko.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;

/**
 * A whole business day of several offices, each from its opening to its closing hour in its own
 * time zone, merged into one time-ordered stream: the input of tests and benchmarks of the queue
 * and priority rules (Q1–Q5, P1). An office closed on that day contributes nothing.
 */
public final class Days {

    private Days() {
    }

    /**
     * @param seed the same seed and date give the same events
     * @param scale multiplies the arrivals (see {@link DayPlan#scale()})
     */
    public static List<SpecificRecord> generate(LocalDate date, List<Office> offices, long seed, double scale) {
        Objects.requireNonNull(date, "date");
        DayPlan plan = DayPlan.businessDay().withScale(scale);
        List<SpecificRecord> all = new ArrayList<>();
        for (Office office : offices) {
            BusinessHours hours = hoursOn(office, date.getDayOfWeek());
            if (hours == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(office.getTimeZone());
            Instant opens = date.atTime(LocalTime.parse(hours.getOpens())).atZone(zone).toInstant();
            Instant closes = date.atTime(LocalTime.parse(hours.getCloses())).atZone(zone).toInstant();
            if (!closes.isAfter(opens)) {
                continue;
            }
            // Mixing in the date gives every day of a long run its own traffic under one seed.
            long daySeed = seed * 31 + date.toEpochDay();
            all.addAll(OfficeDay.generate(office, opens, Duration.between(opens, closes), daySeed, plan));
        }
        // A stable sort keeps each office's own order among events of the same millisecond.
        all.sort(Comparator.comparing(Days::occurredAt));
        return all;
    }

    /** The event time of a queue or desk envelope (any envelope with an {@code occurredAt} field). */
    public static Instant occurredAt(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
    }

    /** The office of a queue or desk envelope: its Kafka key. */
    public static String officeId(SpecificRecord event) {
        return (String) event.get(event.getSchema().getField("officeId").pos());
    }

    private static BusinessHours hoursOn(Office office, DayOfWeek day) {
        return office.getBusinessHours().stream()
                .filter(hours -> hours.getDayOfWeek() == day.getValue())
                .findFirst()
                .orElse(null);
    }
}
