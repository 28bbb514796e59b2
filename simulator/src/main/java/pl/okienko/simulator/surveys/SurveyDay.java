package pl.okienko.simulator.surveys;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.survey.SurveyChannel;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.simulator.generator.OfficeDayGenerator;

/**
 * The survey kiosks of a simulated day (rule S1): some clients whose visit ended answer the kiosk by the door a
 * minute or two later, about the department of the queue they waited in. The longer they waited, the lower they
 * score waiting and, less so, the visit overall, so the demo's satisfaction moves with its waits as a real
 * office's does. Deterministic: the same visits and seed give the same answers, ids included.
 */
public final class SurveyDay {

    /** The sending system of generated answers. */
    public static final String SOURCE = "sim-kiosk";
    /** The questions every kiosk asks, each scored 1 (worst) to 5 (best). */
    public static final List<String> QUESTIONS = List.of("overall", "waiting", "courtesy");
    /** The share of served clients who answer. */
    static final double ANSWER_SHARE = 0.2;

    private SurveyDay() {
    }

    /**
     * The answers after {@code visits}, the office's queue events of the day in time order (other events are
     * passed over).
     *
     * @param label keeps ids unique across days and restarts
     */
    public static List<SurveyEvent> after(Office office, List<? extends SpecificRecord> visits, long seed, String label) {
        return new Builder(office, seed, label).run(visits);
    }

    private static final class Builder extends OfficeDayGenerator<SurveyEvent> {
        final Map<String, String> departmentOfQueue = new HashMap<>();

        Builder(Office office, long seed, String label) {
            super(office.getOfficeId(), seed, label);
            for (Queue queue : office.getQueues()) {
                if (queue.getDepartmentId() != null) {
                    departmentOfQueue.put(queue.getQueueId(), queue.getDepartmentId());
                }
            }
        }

        List<SurveyEvent> run(List<? extends SpecificRecord> visits) {
            Map<String, TicketIssued> issued = new HashMap<>();
            Map<String, Instant> issuedAt = new HashMap<>();
            Map<String, Duration> waited = new HashMap<>();
            // a transferred client is served more than once, but answers the kiosk once
            Set<String> answered = new HashSet<>();
            for (SpecificRecord record : visits) {
                if (!(record instanceof QueueEvent event)) {
                    continue;
                }
                Object payload = event.getPayload();
                if (payload instanceof TicketIssued ticket) {
                    issued.put(ticket.getTicketId(), ticket);
                    issuedAt.put(ticket.getTicketId(), event.getOccurredAt());
                } else if (payload instanceof TicketCalled called && issuedAt.containsKey(called.getTicketId())) {
                    waited.putIfAbsent(called.getTicketId(), Duration.between(issuedAt.get(called.getTicketId()),
                            event.getOccurredAt()));
                } else if (payload instanceof ServiceEnded ended && waited.containsKey(ended.getTicketId())
                        && !answered.contains(ended.getTicketId()) && random.nextDouble() < ANSWER_SHARE) {
                    answered.add(ended.getTicketId());
                    answer(event.getOccurredAt(), issued.get(ended.getTicketId()), waited.get(ended.getTicketId()));
                }
            }
            return inTimeOrder();
        }

        private void answer(Instant ended, TicketIssued ticket, Duration waited) {
            double minutes = waited.toSeconds() / 60.0;
            Map<String, Integer> scores = new TreeMap<>();
            scores.put("overall", score(4.5 - minutes / 25));
            scores.put("waiting", score(4.8 - minutes / 10));
            if (random.nextDouble() < 0.85) {
                // not everyone answers the last question
                scores.put("courtesy", score(4.4 - minutes / 60));
            }
            double channel = random.nextDouble();
            SurveyResponse response = SurveyResponse.newBuilder()
                    .setResponseId(SOURCE + "-" + label + "-" + ticket.getTicketId())
                    .setChannel(channel < 0.85 ? SurveyChannel.KIOSK : channel < 0.95 ? SurveyChannel.WEB : SurveyChannel.PAPER)
                    .setDepartmentId(departmentOfQueue.get(ticket.getQueueId()))
                    .setScores(scores)
                    .build();
            emit(ended.plusSeconds(30 + random.nextInt(120)), response);
        }

        /** A score around {@code mean}, within the scale. */
        private int score(double mean) {
            long score = Math.round(mean + random.nextGaussian() * 0.8);
            return (int) Math.max(1, Math.min(5, score));
        }

        @Override
        protected SurveyEvent envelope(int number, Instant at, Object payload) {
            return new SurveyEvent(SOURCE + "-" + label + "-" + (number + 1), officeId, at, SOURCE, payload);
        }

        @Override
        protected Instant occurredAt(SurveyEvent event) {
            return event.getOccurredAt();
        }
    }
}
