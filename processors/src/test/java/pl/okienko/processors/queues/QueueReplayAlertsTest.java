package pl.okienko.processors.queues;

import static pl.okienko.processors.ReplayPace.DAY;
import static pl.okienko.events.queue.PriorityCategory.ELDERLY;
import static pl.okienko.events.queue.PriorityCategory.SMALL_CHILD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.avro.specific.SpecificRecord;

import pl.okienko.processors.TestTopics;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.processors.ReplayAlertsTest;
import pl.okienko.processors.ReplayPace;
import pl.okienko.processors.ReplayedAlert;
import pl.okienko.topics.Topics;

/**
 * A replay of a past day (P1, Q2) gives the same PRIORITY_WAITING and QUEUE_EXCESSIVE history, ids and
 * instants included, whatever the wall clock does between the records: the thresholds are judged by the
 * office's event time, not by when a wall-clock punctuation happens to run.
 */
class QueueReplayAlertsTest extends ReplayAlertsTest {

    private static final String OFFICE = "UM-REPLAY";

    private static Instant at(double seconds) {
        return DAY.plusMillis(Math.round(seconds * 1000));
    }

    /** The past day: queue A with two desks, B served by D2 only, C a crowd that comes at once. */
    private static List<SpecificRecord> scriptedDay() {
        QueueEvents e = new QueueEvents(OFFICE);
        List<SpecificRecord> day = new ArrayList<>();
        day.add(e.opened("D1", at(-60), "A", "C"));
        day.add(e.opened("D2", at(-60), "A", "B"));
        day.add(e.issued("R1", "A", at(0)));
        day.add(e.issuedPriority("P1", "A", ELDERLY, at(60)));
        day.add(e.issued("R2", "A", at(120)));
        day.add(e.called("R1", "D1", at(200)));          // bypass of P1: raised at the call
        day.add(e.called("P1", "D1", at(500)));          // cleared at the call
        day.add(e.issuedPriority("P2", "A", SMALL_CHILD, at(600)));
        day.add(e.called("R2", "D1", at(1000)));         // P2's target (5 min) passed at 900.001 s, before this call
        day.add(e.called("P2", "D1", at(1100)));
        day.add(e.issued("B1", "B", at(1200)));          // alone in B: 20 min pass at 2400.001 s
        day.add(e.issued("R4", "A", at(3000)));          // the office's next event, after that instant
        day.add(e.called("R4", "D2", at(3050)));
        day.add(e.called("B1", "D2", at(3100)));         // B empty: cleared
        for (int i = 1; i <= 16; i++) {
            day.add(e.issued("C" + i, "C", at(3999 + i))); // the 16th passes the limit of 15
        }
        for (int i = 1; i <= 5; i++) {
            day.add(e.called("C" + i, "D1", at(4099 + i))); // 11 left, below 80% of 15: cleared at the 5th
        }
        for (int i = 6; i <= 16; i++) {
            day.add(e.cancelled("C" + i, at(4194 + i)));
        }
        day.add(e.issued("R5", "A", at(4240)));
        day.add(e.called("R5", "D1", at(4260)));
        day.add(e.issuedPriority("P4", "A", ELDERLY, at(4250))); // arrives late: R5 passed it over, raised now
        day.add(e.called("P4", "D1", at(4280)));
        day.add(e.issuedPriority("P3", "A", ELDERLY, at(4300))); // the day's last event: its target is never reached
        return day;
    }

    /** What P1 and Q2 say of the scripted day, by its event times alone. */
    @Override
    protected List<ReplayedAlert> expected() {
        return List.of(
                priority("P1", AlertState.RAISED, 200, 200),
                priority("P1", AlertState.CLEARED, 200, 500),
                priority("P2", AlertState.RAISED, 900.001, 900.001),
                priority("P2", AlertState.CLEARED, 900.001, 1100),
                excessive("B", AlertState.RAISED, 2400.001, 2400.001),
                excessive("B", AlertState.CLEARED, 2400.001, 3100),
                excessive("C", AlertState.RAISED, 4015, 4015),
                excessive("C", AlertState.CLEARED, 4015, 4104),
                priority("P4", AlertState.RAISED, 4260, 4260),
                priority("P4", AlertState.CLEARED, 4260, 4280));
    }

    private static ReplayedAlert priority(String ticketId, AlertState state, double raisedAt, double when) {
        return new ReplayedAlert("PRIORITY_WAITING:" + OFFICE + ":ticket:" + ticketId + ":" + at(raisedAt).toEpochMilli(),
                AlertType.PRIORITY_WAITING, ticketId, state, at(when));
    }

    private static ReplayedAlert excessive(String queueId, AlertState state, double raisedAt, double when) {
        return new ReplayedAlert("QUEUE_EXCESSIVE:" + OFFICE + ":queue:" + queueId + ":" + at(raisedAt).toEpochMilli(),
                AlertType.QUEUE_EXCESSIVE, queueId, state, at(when));
    }

    @Override
    protected List<ReplayedAlert> replay(ReplayPace pace) {
        Office office = Office.newBuilder().setOfficeId(OFFICE).setName("Urząd")
                .setDepartments(List.of(new Department("D", "Obsługa")))
                .setQueues(List.of(new Queue("A", "D", "Dowody"), new Queue("B", "D", "Meldunki"),
                        new Queue("C", "D", "Podatki")))
                .build();
        return pace.replay("okienko-queue-replay-test", QueueTopology.build(QueueConfig.defaults()), stateDir, office,
                scriptedDay(), driver -> {
                    TestInputTopic<String, QueueEvent> queue = TestTopics.input(driver, Topics.QUEUE_EVENTS);
                    TestInputTopic<String, DeskEvent> desk = TestTopics.input(driver, Topics.DESK_EVENTS);
                    return event -> {
                        if (event instanceof DeskEvent d) {
                            desk.pipeInput(OFFICE, d, d.getOccurredAt());
                        } else {
                            QueueEvent q = (QueueEvent) event;
                            queue.pipeInput(OFFICE, q, q.getOccurredAt());
                        }
                    };
                });
    }
}
