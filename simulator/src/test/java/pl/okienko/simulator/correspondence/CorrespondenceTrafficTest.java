package pl.okienko.simulator.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.events.complaint.ComplaintAnswered;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.SampleOffices;

class CorrespondenceTrafficTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration LENGTH = Duration.ofMinutes(60);

    @Test
    void shouldLeaveNothingOpenAfterADemoDayAndBringOneEmailPastItsDueAtThreeMinutes() {
        List<SpecificRecord> events = CorrespondenceTraffic.demo(SampleOffices.byId(SampleOffices.TOWN), START, LENGTH, 5, "d1");

        assertThat(events).allSatisfy(e -> assertThat(Days.occurredAt(e))
                .isBetween(START.minus(Duration.ofDays(27)), START.plus(LENGTH)));
        assertThat(events).extracting(Days::occurredAt).isSorted();
        Set<String> received = new HashSet<>();
        Set<String> replied = new HashSet<>();
        Set<String> registered = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (SpecificRecord e : events) {
            Object payload = e instanceof EmailEvent m ? m.getPayload() : ((ComplaintEvent) e).getPayload();
            if (payload instanceof EmailReceived r) {
                received.add(r.getMessageId());
            } else if (payload instanceof EmailReplied r) {
                replied.add(r.getMessageId());
            } else if (payload instanceof ComplaintRegistered r) {
                registered.add(r.getComplaintId());
            } else if (payload instanceof ComplaintAnswered a) {
                answered.add(a.getComplaintId());
            }
        }
        assertThat(replied).isEqualTo(received);
        assertThat(answered).isEqualTo(registered).hasSize(2);
        assertThat(events).anySatisfy(e -> assertThat(Days.occurredAt(e))
                .isEqualTo(START.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(3))));
    }

    @Test
    void shouldGiveTheSameHistoryForTheSameSeedWithUniqueEventIds() {
        Office office = SampleOffices.byId(SampleOffices.COUNTY);
        LocalDate from = LocalDate.of(2026, 3, 2);
        List<SpecificRecord> first = CorrespondenceTraffic.history(office, from, from.plusDays(14), 3);

        assertThat(CorrespondenceTraffic.history(office, from, from.plusDays(14), 3)).isEqualTo(first);
        assertThat(first.stream().map(e -> e.get(0)).distinct().count()).isEqualTo(first.size());
    }
}
