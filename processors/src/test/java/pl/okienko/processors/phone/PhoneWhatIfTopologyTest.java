package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.processors.TopologyTest;
import pl.okienko.processors.policy.PolicyKeys;
import pl.okienko.processors.whatif.PolicyOverride;
import pl.okienko.processors.whatif.ReplayScope;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/**
 * The phone topology, unchanged, run as a what-if replay (issue 15): answer target 20 s instead of the line's 15 s,
 * one office, one period; other offices' events and events outside the period are not counted, and no alert or
 * dead letter is written.
 */
class PhoneWhatIfTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-WHATIF";
    /** Friday 20 November 2026, 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ReplayScope SCOPE = new ReplayScope(OFFICE, T0, T0.plusSeconds(3600),
            PolicyOverride.parse(Map.of("phoneAnswerSeconds", 20)));

    private final PhoneEvents events = new PhoneEvents(OFFICE);
    private final PhoneEvents otherOffice = new PhoneEvents("UM-OTHER");
    private final PhoneViews views = new PhoneViews(stores(), PhoneConfig.defaults());

    PhoneWhatIfTopologyTest() {
        super("okienko-whatif-phone-test", PhoneTopology.build(PhoneConfig.defaults(),
                new PersonalData("whatif-topology-test-key".getBytes(StandardCharsets.UTF_8))), T0, SCOPE.settings());
    }

    @BeforeEach
    void start() {
        office(Office.newBuilder().setOfficeId(OFFICE).setName("Urząd")
                .setPhoneLines(List.of(new PhoneLine("L1", null, "Centrala"))).build());
        // the line's own target, 15 s: the override must win over it too
        policies.pipeInput(PolicyKeys.line(OFFICE, "L1"), Policy.newBuilder().setOfficeId(OFFICE)
                .setScope(PolicyScope.LINE).setScopeId("L1").setPhoneAnswerSeconds(15).build());
    }

    @Test
    void shouldCountAnswersWithinTheOverriddenTargetForTheOfficeAndPeriodOnly() {
        call(events, "c1", 10, 15);     // within 15 s and 20 s
        call(events, "c2", 100, 18);    // within 20 s only
        call(events, "c3", 200, 20);    // within 20 s only
        call(events, "c4", 300, 25);    // later
        call(events, "c5", -100, 5);    // before the period: not replayed
        call(events, "c6", 3600, 5);    // at its end (exclusive): not replayed
        call(otherOffice, "o1", 400, 5); // another office: not replayed
        input(Topics.PHONE_EVENTS).pipeInput(OFFICE, events.offered("c7", "L1", "600 700 800", at(500)), at(500));
        input(Topics.PHONE_EVENTS).pipeInput(OFFICE, events.unanswered("c7", UnansweredReason.ABANDONED, at(505)), at(505));
        raw(Topics.PHONE_EVENTS).pipeInput(OFFICE, "not an event".getBytes(StandardCharsets.UTF_8), at(600));

        PhoneStats office = views.day(OFFICE, DAY, at(4000)).orElseThrow().office();

        assertThat(office.offered()).isEqualTo(5);
        assertThat(office.answeredWithinTarget()).isEqualTo(3);
        assertThat(office.answeredLater()).isEqualTo(1);
        assertThat(office.serviceLevel()).isEqualTo(3.0 / 5);
        assertThat(views.day("UM-OTHER", DAY, at(4000))).isEmpty();
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private void call(PhoneEvents of, String callId, int offeredAt, int answerSeconds) {
        PhoneEvent offered = of.offered(callId, "L1", null, at(offeredAt));
        PhoneEvent answered = of.answered(callId, null, at(offeredAt + answerSeconds));
        input(Topics.PHONE_EVENTS).pipeInput(offered.getOfficeId(), offered, offered.getOccurredAt());
        input(Topics.PHONE_EVENTS).pipeInput(answered.getOfficeId(), answered, answered.getOccurredAt());
    }
}
