package pl.okienko.processors.incidents;

import static pl.okienko.processors.ReplayPace.DAY;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;

import pl.okienko.processors.TestTopics;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Department;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.processors.ReplayAlertsTest;
import pl.okienko.processors.ReplayPace;
import pl.okienko.processors.ReplayedAlert;
import pl.okienko.topics.Topics;

/**
 * A replay of a past day gives the same INCIDENT_HOTSPOT history (I1), ids and instants included, whatever
 * the wall clock does between the records: the window is moved by the office's event time.
 */
class IncidentReplayAlertsTest extends ReplayAlertsTest {

    private static final String OFFICE = "UM-REPLAY";

    private static Instant at(int seconds) {
        return DAY.plusSeconds(seconds);
    }

    /** Level 2 or less only: the INCIDENT alert (level 3, panic) keeps the wall clock, see docs/standards.md. */
    private static List<IncidentEvent> scriptedDay() {
        IncidentEvents e = new IncidentEvents(OFFICE);
        return List.of(
                e.reported("i1", "D1", 2, at(0)),
                e.reported("i2", "D1", 2, at(600)),     // two within 30 min at D1 (and so in WSO): raised
                e.reported("i3", "D2", 1, at(4000)),    // the window passed i1 at 1800 s: cleared then
                e.reported("i4", "D2", 2, at(5000)),
                e.reported("i5", "D2", 2, at(5100)),    // raised for D2 and WSO
                e.reported("i6", "D1", 1, at(5200)));   // the last event: the window never passes i4
    }

    /** What I1's hotspot rule (2 incidents of level 2 or more within 30 min) says of the day, by event time. */
    @Override
    protected List<ReplayedAlert> expected() {
        return List.of(
                hotspot("department", "WSO", AlertState.RAISED, 600, 600),
                hotspot("desk", "D1", AlertState.RAISED, 600, 600),
                hotspot("department", "WSO", AlertState.CLEARED, 600, 1800),
                hotspot("desk", "D1", AlertState.CLEARED, 600, 1800),
                hotspot("department", "WSO", AlertState.RAISED, 5100, 5100),
                hotspot("desk", "D2", AlertState.RAISED, 5100, 5100));
    }

    private static ReplayedAlert hotspot(String scope, String id, AlertState state, int raisedAt, int when) {
        return new ReplayedAlert("INCIDENT_HOTSPOT:" + OFFICE + ":" + scope + ":" + id + ":"
                + at(raisedAt).toEpochMilli(), AlertType.INCIDENT_HOTSPOT, id, state, at(when));
    }

    @Override
    protected List<ReplayedAlert> replay(ReplayPace pace) {
        Office office = Office.newBuilder().setOfficeId(OFFICE).setName("Urząd")
                .setDepartments(List.of(new Department("WSO", "Wydział Spraw Obywatelskich")))
                .setDesks(List.of(new Desk("D1", "WSO", "Stanowisko 1"), new Desk("D2", "WSO", "Stanowisko 2")))
                .build();
        return pace.replay("okienko-incident-replay-test", IncidentTopology.build(IncidentConfig.defaults()), stateDir,
                office, scriptedDay(), driver -> {
                    TestInputTopic<String, IncidentEvent> events = TestTopics.input(driver, Topics.INCIDENT_EVENTS);
                    return event -> events.pipeInput(OFFICE, event, event.getOccurredAt());
                });
    }
}
