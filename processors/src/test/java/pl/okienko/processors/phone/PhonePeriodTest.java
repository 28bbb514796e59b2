package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.PhoneLine;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/** T1, T2 over a period: rates of the summed counts, never the average of the days' rates. */
class PhonePeriodTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    /** Monday 16 November 2026, 10:00 in Warsaw. */
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    private final TestInputTopic<String, PhoneEvent> phoneEvents = input(Topics.PHONE_EVENTS);
    private final PhoneViews views = new PhoneViews(stores(), PhoneConfig.defaults());
    private final PhoneEvents events = new PhoneEvents(OFFICE);

    PhonePeriodTest() {
        super("okienko-phone-period-test", PhoneTopology.build(PhoneConfig.defaults(),
                new PersonalData("phone-period-test-key".getBytes(StandardCharsets.UTF_8))), T0,
                testOffice(OFFICE).setPhoneLines(List.of(new PhoneLine("L1", null, "Centrala"))).build());
    }

    private void phone(PhoneEvent event) {
        phoneEvents.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    @Test
    void shouldTakeTheServiceLevelAndMissedRateOfThePeriodFromTheSummedCounts() {
        // Monday: 9 of 10 calls answered at the 2nd ring (within target), 1 abandoned
        for (int i = 0; i < 10; i++) {
            Instant at = MONDAY.plusSeconds(i * 600L);
            phone(events.offered("m" + i, "L1", null, at));
            phone(i < 9 ? events.answered("m" + i, 2, at.plusSeconds(8))
                    : events.unanswered("m" + i, UnansweredReason.ABANDONED, at.plusSeconds(30)));
        }
        // Tuesday: 2 calls, both answered at the 6th ring (after the 3-ring target)
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        for (int i = 0; i < 2; i++) {
            phone(events.offered("t" + i, "L1", null, tuesday.plusSeconds(i * 600L)));
            phone(events.answered("t" + i, 6, tuesday.plusSeconds(i * 600L + 28)));
        }

        PeriodView<OfficePhoneView> view = views.period(OFFICE,
                new Period(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 17)), Granularity.DAY, T0).orElseThrow();

        PhoneStats period = view.total().office();
        assertThat(period.offered()).isEqualTo(12);
        // 9 within target of 12 offered; the days' rates 0.9 and 0 would average to 0.45
        assertThat(period.serviceLevel()).isEqualTo(9.0 / 12);
        assertThat(period.missedRate()).isEqualTo(1.0 / 12);
        // answered: 9 after 8 s and 2 after 28 s
        assertThat(period.averageSpeedOfAnswerSeconds()).isEqualTo((9 * 8.0 + 2 * 28.0) / 11);
        assertThat(view.rows()).extracting(r -> r.figures().office().serviceLevel()).containsExactly(0.9, 0.0);
        assertThat(view.rows()).extracting(r -> r.figures().office().offered()).containsExactly(10L, 2L);
    }
}
