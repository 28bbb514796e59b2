package pl.okienko.simulator.phone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.events.phone.PhoneEvent;

/**
 * Phone days of several offices (T1–T4, I2), each within its business hours on that date, merged in
 * time order: the input of tests, replays and benchmarks of the telephone rules. An office closed
 * that day, or without phone lines, contributes nothing.
 */
public final class PhoneDays {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.BASIC_ISO_DATE;

    private PhoneDays() {
    }

    public static List<PhoneEvent> generate(LocalDate date, List<Office> offices, long seed, PhonePlan plan) {
        List<PhoneEvent> all = new ArrayList<>();
        for (Office office : offices) {
            List<String> lines = office.getPhoneLines().stream().map(PhoneLine::getLineId).toList();
            BusinessHours hours = office.getBusinessHours().stream()
                    .filter(h -> h.getDayOfWeek() == date.getDayOfWeek().getValue()).findFirst().orElse(null);
            if (hours == null || lines.isEmpty()) {
                continue;
            }
            ZoneId zone = ZoneId.of(office.getTimeZone());
            Instant opens = date.atTime(LocalTime.parse(hours.getOpens())).atZone(zone).toInstant();
            Instant closes = date.atTime(LocalTime.parse(hours.getCloses())).atZone(zone).toInstant();
            all.addAll(PhoneDay.generate(office.getOfficeId(), lines, opens, closes, seed * 31 + date.toEpochDay(),
                    plan, LABEL.format(date)));
        }
        all.sort(Comparator.comparing(PhoneEvent::getOccurredAt));
        return all;
    }
}
