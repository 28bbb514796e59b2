package pl.okienko.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.events.incident.IncidentAcknowledged;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentReported;
import pl.okienko.events.incident.PanicButton;

class IncidentDayTest {

    private static final Instant START = Instant.parse("2026-11-20T07:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static List<IncidentEvent> day(long seed) {
        return IncidentDay.generate("UM-JED", List.of("S1", "S2"), START, HOUR, seed, "d" + seed);
    }

    @Test
    void theSameSeedGivesTheSameDayInOrderOfTime() {
        assertThat(day(7)).isEqualTo(day(7));
        assertThat(day(7)).isSortedAccordingTo((a, b) -> a.getOccurredAt().compareTo(b.getOccurredAt()));
        assertThat(day(7)).allSatisfy(e -> assertThat(e.getOccurredAt()).isBetween(START, START.plus(HOUR)));
    }

    @Test
    void everyDayAlertsSecurityEarlyAndOverManyDaysEveryKindAndLateAcknowledgementsOccur() {
        List<List<IncidentEvent>> days = LongStream.range(0, 40).mapToObj(IncidentDayTest::day).toList();
        assertThat(days).allSatisfy(d -> assertThat(d).anySatisfy(e -> {
            assertThat(e.getPayload()).isInstanceOfSatisfying(IncidentReported.class,
                    r -> assertThat(r.getLevel()).isEqualTo(3));
            assertThat(e.getOccurredAt()).isBefore(START.plus(Duration.ofMinutes(8)));
        }));
        List<IncidentEvent> all = days.stream().flatMap(List::stream).toList();
        Set<Integer> levels = all.stream().filter(e -> e.getPayload() instanceof IncidentReported)
                .map(e -> ((IncidentReported) e.getPayload()).getLevel()).collect(Collectors.toSet());
        assertThat(levels).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(all).anySatisfy(e -> assertThat(e.getPayload()).isInstanceOf(PanicButton.class));
        assertThat(lateAcknowledgements(all)).isPositive();
    }

    /** Acknowledgements more than 60 s after the incident's first event: the alert is raised again before them. */
    private static long lateAcknowledgements(List<IncidentEvent> events) {
        Map<String, Instant> firstSeen = new java.util.HashMap<>();
        long late = 0;
        for (IncidentEvent e : events) {
            String id = incidentId(e);
            firstSeen.putIfAbsent(id, e.getOccurredAt());
            if (e.getPayload() instanceof IncidentAcknowledged
                    && Duration.between(firstSeen.get(id), e.getOccurredAt()).toSeconds() > 60) {
                late++;
            }
        }
        return late;
    }

    /** Every incident payload names its incident in the same schema field. */
    private static String incidentId(IncidentEvent e) {
        SpecificRecord payload = (SpecificRecord) e.getPayload();
        return payload.get(payload.getSchema().getField("incidentId").pos()).toString();
    }
}
