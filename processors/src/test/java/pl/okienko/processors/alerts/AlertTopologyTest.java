package pl.okienko.processors.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TestTopics;
import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;

import pl.okienko.processors.TestDriverStores;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.topics.Topics;

class AlertTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Alert> alerts;
    private AlertViews views;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(AlertTopology.build(),
                StreamsSettings.properties("okienko-alerts-test", "dummy:9092", stateDir, Map.of()), T0);
        alerts = TestTopics.input(driver, Topics.ALERTS);
        views = new AlertViews(new TestDriverStores(driver));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Alert step(String office, String id, AlertState state, Instant at) {
        return Alert.newBuilder().setAlertId(id).setType(AlertType.QUEUE_EXCESSIVE).setRule("Q2").setState(state)
                .setOfficeId(office).setSubjectType("queue").setSubjectId("A").setRaisedAt(at).setAt(at)
                .setMessage("m").build();
    }

    @Test
    void shouldShowTheLatestStepOfEachAlertAndKeepWhenItWasRaised() {
        alerts.pipeInput("O1", step("O1", "a1", AlertState.RAISED, T0));
        alerts.pipeInput("O1", step("O1", "a2", AlertState.RAISED, T0.plusSeconds(5)));
        alerts.pipeInput("O1", step("O1", "a1", AlertState.CLEARED, T0.plusSeconds(60)));
        alerts.pipeInput("O2", step("O2", "b1", AlertState.RAISED, T0.plusSeconds(7)));

        assertThat(views.alerts("O1", true)).extracting(AlertView::alertId).containsExactly("a2");
        assertThat(views.alerts("O1", false)).extracting(AlertView::alertId, AlertView::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a2", "RAISED"),
                        org.assertj.core.groups.Tuple.tuple("a1", "CLEARED"));
        assertThat(views.alerts("O1", false).get(1).raisedAt()).isEqualTo(T0);
        assertThat(views.alerts(null, true)).extracting(AlertView::alertId).containsExactly("b1", "a2");
    }

    @Test
    void shouldIgnoreAnOlderStepArrivingLate() {
        alerts.pipeInput("O1", step("O1", "a1", AlertState.CLEARED, T0.plusSeconds(60)));
        alerts.pipeInput("O1", step("O1", "a1", AlertState.RAISED, T0));
        assertThat(views.alerts("O1", false)).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo("CLEARED"));
    }

    private static Alert acknowledged(String office, String id, String by, Instant at) {
        Alert a = step(office, id, AlertState.ACKNOWLEDGED, at);
        a.setBy(by);
        return a;
    }

    @Test
    void shouldKeepTheFirstAcknowledgementWhenTwoGuardsPressAtOnce() {
        alerts.pipeInput("O1", step("O1", "a1", AlertState.RAISED, T0));
        alerts.pipeInput("O1", acknowledged("O1", "a1", "anna", T0.plusSeconds(10)));
        alerts.pipeInput("O1", acknowledged("O1", "a1", "bartek", T0.plusSeconds(10)));

        assertThat(views.alert("a1")).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo("ACKNOWLEDGED");
            assertThat(a.acknowledgedBy()).isEqualTo("anna");
            assertThat(a.acknowledgedAt()).isEqualTo(T0.plusSeconds(10));
        });
    }

    @Test
    void shouldKeepWhoAcknowledgedThroughReRaiseAndClearAndNotReopenAClearedAlert() {
        alerts.pipeInput("O1", step("O1", "a1", AlertState.RAISED, T0));
        alerts.pipeInput("O1", step("O1", "a1", AlertState.RERAISED, T0.plusSeconds(60)));
        assertThat(views.alerts("O1", true)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo("RERAISED");
            assertThat(a.raisedAt()).isEqualTo(T0);
        });
        alerts.pipeInput("O1", acknowledged("O1", "a1", "anna", T0.plusSeconds(70)));
        alerts.pipeInput("O1", step("O1", "a1", AlertState.CLEARED, T0.plusSeconds(300)));
        alerts.pipeInput("O1", acknowledged("O1", "a1", "bartek", T0.plusSeconds(400)));

        assertThat(views.alert("O1", "a1")).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo("CLEARED");
            assertThat(a.acknowledgedBy()).isEqualTo("anna");
            assertThat(a.acknowledgedAt()).isEqualTo(T0.plusSeconds(70));
        });
    }

    @Test
    void shouldPinTheTopologyDescription() throws Exception {
        PinnedTopology.assertPinned(AlertTopology.build(), "alerts");
    }
}
