package pl.okienko.simulator.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.simulator.OfficeDay;
import pl.okienko.simulator.SampleOffices;

class SurveyDayTest {

    private static final Office TOWN = SampleOffices.byId(SampleOffices.TOWN);
    private static final Instant EIGHT = Instant.parse("2026-11-16T07:00:00Z");

    private static List<SpecificRecord> visits(long seed) {
        return OfficeDay.generate(TOWN, EIGHT, Duration.ofHours(8), seed);
    }

    @Test
    void theSameVisitsAndSeedGiveTheSameAnswersInOrderOfTime() {
        List<SpecificRecord> visits = visits(7);

        List<SurveyEvent> answers = SurveyDay.after(TOWN, visits, 3, "d7");

        assertThat(answers).isNotEmpty().isEqualTo(SurveyDay.after(TOWN, visits, 3, "d7"));
        assertThat(answers).isSortedAccordingTo((a, b) -> a.getOccurredAt().compareTo(b.getOccurredAt()));
        assertThat(answers).extracting(SurveyEvent::getEventId).doesNotHaveDuplicates();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getOfficeId()).isEqualTo(TOWN.getOfficeId());
            assertThat(answer.getSource()).isEqualTo(SurveyDay.SOURCE);
        });
    }

    @Test
    void aServedClientAnswersAboutTheDepartmentOfTheQueueTheyWaitedInAfterTheirVisitEnded() {
        List<SpecificRecord> visits = visits(11);
        Map<String, String> queueOfTicket = new HashMap<>();
        Map<String, List<Instant>> endsOfTicket = new HashMap<>();
        for (SpecificRecord record : visits) {
            if (record instanceof QueueEvent event && event.getPayload() instanceof TicketIssued ticket) {
                queueOfTicket.put(ticket.getTicketId(), ticket.getQueueId());
            } else if (record instanceof QueueEvent event && event.getPayload() instanceof ServiceEnded ended) {
                endsOfTicket.computeIfAbsent(ended.getTicketId(), ticket -> new ArrayList<>()).add(event.getOccurredAt());
            }
        }
        Map<String, String> departmentOfQueue = TOWN.getQueues().stream()
                .filter(queue -> queue.getDepartmentId() != null)
                .collect(Collectors.toMap(Queue::getQueueId, Queue::getDepartmentId));

        List<SurveyEvent> answers = SurveyDay.after(TOWN, visits, 5, "d11");

        // about one served client in five answers
        assertThat((double) answers.size() / endsOfTicket.size()).isBetween(0.1, 0.3);
        assertThat(answers).extracting(answer -> ((SurveyResponse) answer.getPayload()).getResponseId()).doesNotHaveDuplicates();
        assertThat(answers).allSatisfy(answer -> {
            SurveyResponse response = (SurveyResponse) answer.getPayload();
            String ticketId = response.getResponseId().substring((SurveyDay.SOURCE + "-d11-").length());
            // a minute or two after one of the services of their ticket ended
            assertThat(endsOfTicket.get(ticketId)).anySatisfy(end -> assertThat(answer.getOccurredAt()).isAfter(end)
                    .isBeforeOrEqualTo(end.plusSeconds(150)));
            assertThat(response.getDepartmentId()).isEqualTo(departmentOfQueue.get(queueOfTicket.get(ticketId)));
            assertThat(response.getScores()).containsKeys("overall", "waiting");
            assertThat(SurveyDay.QUESTIONS).containsAll(response.getScores().keySet());
            assertThat(response.getScores().values()).allSatisfy(score -> assertThat(score).isBetween(1, 5));
        });
    }

    @Test
    void clientsWhoWaitedLongerScoreTheWaitLower() {
        long shortSum = 0;
        long shortCount = 0;
        long longSum = 0;
        long longCount = 0;
        for (long seed = 0; seed < 10; seed++) {
            List<SpecificRecord> visits = visits(seed);
            Map<String, Instant> issued = new HashMap<>();
            Map<String, Duration> waited = new HashMap<>();
            for (SpecificRecord record : visits) {
                if (record instanceof QueueEvent event && event.getPayload() instanceof TicketIssued ticket) {
                    issued.put(ticket.getTicketId(), event.getOccurredAt());
                } else if (record instanceof QueueEvent event && event.getPayload() instanceof TicketCalled called) {
                    waited.putIfAbsent(called.getTicketId(), Duration.between(issued.get(called.getTicketId()),
                            event.getOccurredAt()));
                }
            }
            String label = "s" + seed;
            for (SurveyEvent answer : SurveyDay.after(TOWN, visits, seed, label)) {
                SurveyResponse response = (SurveyResponse) answer.getPayload();
                Duration wait = waited.get(response.getResponseId().substring((SurveyDay.SOURCE + "-" + label + "-").length()));
                int score = response.getScores().get("waiting");
                if (wait.compareTo(Duration.ofMinutes(5)) <= 0) {
                    shortSum += score;
                    shortCount++;
                } else if (wait.compareTo(Duration.ofMinutes(20)) >= 0) {
                    longSum += score;
                    longCount++;
                }
            }
        }

        assertThat(shortCount).isPositive();
        assertThat(longCount).isPositive();
        assertThat((double) longSum / longCount).isLessThan((double) shortSum / shortCount);
    }
}
