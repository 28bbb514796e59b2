package pl.okienko.simulator.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.simulator.SampleOffices;

class PhoneDayTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** Monday 16 November 2026, 08:00–16:00 in Warsaw. */
    private static final Instant OPENS = LocalDate.of(2026, 11, 16).atTime(8, 0).atZone(WARSAW).toInstant();
    private static final Instant CLOSES = OPENS.plus(Duration.ofHours(8));
    private static final List<String> LINES = List.of("L1", "L2", "L3");

    private final List<PhoneEvent> day = PhoneDay.generate("UM-X", LINES, OPENS, CLOSES, 7, PhonePlan.businessDay(), "20261116");

    @Test
    void shouldGiveTheSameEventsForTheSameSeed() {
        assertThat(PhoneDay.generate("UM-X", LINES, OPENS, CLOSES, 7, PhonePlan.businessDay(), "20261116"))
                .isEqualTo(day);
        assertThat(PhoneDay.generate("UM-X", LINES, OPENS, CLOSES, 8, PhonePlan.businessDay(), "20261116"))
                .isNotEqualTo(day);
    }

    @Test
    void shouldKeepTimeOrderUniqueIdsAndBusinessHours() {
        assertThat(day).isSortedAccordingTo(Comparator.comparing(PhoneEvent::getOccurredAt));
        Set<String> ids = new HashSet<>();
        day.forEach(e -> assertThat(ids.add(e.getEventId())).isTrue());
        assertThat(day).allSatisfy(e -> {
            assertThat(e.getOfficeId()).isEqualTo("UM-X");
            assertThat(e.getOccurredAt()).isBetween(OPENS, CLOSES.plus(Duration.ofMinutes(30)));
        });
        assertThat(day).filteredOn(e -> e.getPayload() instanceof OutboundCall)
                .allSatisfy(e -> assertThat(e.getOccurredAt()).isBefore(CLOSES));
    }

    @Test
    void shouldEndEveryOfferedCallAnsweredOrUnansweredAfterItsOffer() {
        Map<String, Instant> offered = new HashMap<>();
        Map<String, Instant> outcome = new HashMap<>();
        for (PhoneEvent e : day) {
            if (e.getPayload() instanceof CallOffered o) {
                offered.put(o.getCallId(), e.getOccurredAt());
            } else if (e.getPayload() instanceof CallAnswered a) {
                assertThat(outcome.put(a.getCallId(), e.getOccurredAt())).isNull();
            } else if (e.getPayload() instanceof CallUnanswered u) {
                assertThat(outcome.put(u.getCallId(), e.getOccurredAt())).isNull();
            }
        }
        assertThat(outcome.keySet()).isEqualTo(offered.keySet());
        offered.forEach((id, at) -> assertThat(outcome.get(id)).isAfterOrEqualTo(at));
    }

    @Test
    void shouldLookLikeARealPhoneDay() {
        long offered = count(CallOffered.class);
        assertThat(offered).isBetween(200L, 600L);
        // rings reported on the first line only
        assertThat(day).filteredOn(e -> e.getPayload() instanceof CallAnswered).allSatisfy(e -> {
            CallAnswered a = (CallAnswered) e.getPayload();
            assertThat(a.getRings() != null).isEqualTo(a.getCallId().contains("-L1-"));
        });
        // the morning peak (hours 1–3) is busier than the afternoon (hours 5–8)
        long morning = offersBetween(Duration.ofHours(1), Duration.ofHours(3));
        long afternoon = offersBetween(Duration.ofHours(6), Duration.ofHours(8));
        assertThat(morning).isGreaterThan(afternoon);
        // some calls are missed for each reason; some withheld; some promised; some ended for abuse
        assertThat(unanswered(UnansweredReason.ABANDONED)).isPositive();
        assertThat(unanswered(UnansweredReason.NO_ANSWER)).isPositive();
        assertThat(day).anyMatch(e -> e.getPayload() instanceof CallOffered o && o.getCallerNumber() == null);
        assertThat(count(CallbackPromised.class)).isPositive();
        assertThat(count(OutboundCall.class)).isPositive();
        assertThat(day).anyMatch(e -> e.getPayload() instanceof CallEnded c && c.getEndedForAbuse());
    }

    @Test
    void shouldKeepSomePromisesLate() {
        Map<String, Instant> agreedByNumber = new HashMap<>();
        int late = 0;
        for (PhoneEvent e : day) {
            if (e.getPayload() instanceof CallbackPromised p) {
                agreedByNumber.put(p.getCallerNumber(), p.getDueAt());
            } else if (e.getPayload() instanceof OutboundCall o && agreedByNumber.containsKey(o.getCalleeNumber())) {
                Instant agreed = agreedByNumber.remove(o.getCalleeNumber());
                if (e.getOccurredAt().isAfter(agreed.plus(Duration.ofMinutes(10)))) {
                    late++;
                }
            }
        }
        assertThat(late).isPositive();
    }

    @Test
    void shouldPlayTheSampleOfficesWithinTheirHours() {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        assertThat(PhoneDays.generate(saturday, SampleOffices.all(), 1, PhonePlan.businessDay())).isEmpty();
        List<PhoneEvent> monday = PhoneDays.generate(LocalDate.of(2026, 11, 16), SampleOffices.all(), 1,
                PhonePlan.businessDay());
        assertThat(monday).extracting(PhoneEvent::getOfficeId).contains(SampleOffices.TOWN, SampleOffices.COUNTY,
                SampleOffices.LABOUR);
        assertThat(monday).isSortedAccordingTo(Comparator.comparing(PhoneEvent::getOccurredAt));
    }

    private long count(Class<?> type) {
        return day.stream().filter(e -> type.isInstance(e.getPayload())).count();
    }

    private long unanswered(UnansweredReason reason) {
        return day.stream().filter(e -> e.getPayload() instanceof CallUnanswered u && u.getReason() == reason).count();
    }

    private long offersBetween(Duration from, Duration to) {
        return day.stream().filter(e -> e.getPayload() instanceof CallOffered)
                .filter(e -> !e.getOccurredAt().isBefore(OPENS.plus(from)) && e.getOccurredAt().isBefore(OPENS.plus(to)))
                .count();
    }
}
