package pl.okienko.processors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.okienko.alerts.AlertState;

class IncidentTest {

    private static final Duration ACK = Duration.ofSeconds(60);
    private static final long T = 1_000_000L;

    private static List<AlertState> states(List<Incident.Step> steps) {
        return steps.stream().map(Incident.Step::state).toList();
    }

    @Test
    void aVerbalIncidentRaisesNoAlert() {
        Incident incident = Incident.fresh("i1");
        incident.reported(1, "D1", null, "IN_PERSON", T);
        assertThat(incident.settle(T, ACK)).isEmpty();
        assertThat(incident.state().getAckDueAt()).isNull();
    }

    @Test
    void aThreatRaisesAtOnceAtTheSupervisorRungWithADeadlineOnePolicyPeriodLater() {
        Incident incident = Incident.fresh("i1");
        incident.reported(3, "D1", null, "IN_PERSON", T);
        assertThat(incident.settle(T + 5, ACK)).containsExactly(new Incident.Step(AlertState.RAISED, T + 5));
        assertThat(incident.rung()).isEqualTo(Rung.SUPERVISOR);
        assertThat(incident.state().getAckDueAt()).isEqualTo(T + 5 + 60_000);
    }

    @Test
    void anUnacknowledgedAlertClimbsOneRungPerPeriodUpToThePoliceKeepingItsCadence() {
        Incident incident = Incident.fresh("i1");
        incident.reported(3, "D1", null, "IN_PERSON", T);
        incident.settle(T, ACK);

        assertThat(incident.checkTimer(T + 59_999, ACK)).isEmpty();
        assertThat(incident.checkTimer(T + 60_400, ACK)).contains(new Incident.Step(AlertState.RERAISED, T + 60_400));
        assertThat(incident.rung()).isEqualTo(Rung.SECURITY);
        assertThat(incident.state().getAckDueAt()).isEqualTo(T + 120_000);
        assertThat(incident.checkTimer(T + 120_000, ACK)).isPresent();
        assertThat(incident.rung()).isEqualTo(Rung.POLICE);
        assertThat(incident.state().getPolice()).isTrue();
        assertThat(incident.checkTimer(T + 180_000, ACK)).isPresent();
        assertThat(incident.rung()).isEqualTo(Rung.POLICE);
        assertThat(incident.state().getReraises()).isEqualTo(3);
    }

    @Test
    void afterALongStopTheNextDeadlineCountsFromNowInsteadOfFiringInABurst() {
        Incident incident = Incident.fresh("i1");
        incident.panic("D1", null, T);
        incident.settle(T, ACK);
        assertThat(incident.checkTimer(T + 600_000, ACK)).isPresent();
        assertThat(incident.state().getAckDueAt()).isEqualTo(T + 660_000);
    }

    @Test
    void anAcknowledgementStopsTheTimerAndOnlyTheFirstOneStands() {
        Incident incident = Incident.fresh("i1");
        incident.panic("D1", null, T);
        incident.settle(T, ACK);
        assertThat(incident.acknowledged("anna", T + 10)).isTrue();
        assertThat(states(incident.settle(T + 10, ACK))).containsExactly(AlertState.ACKNOWLEDGED);
        assertThat(incident.acknowledged("bartek", T + 11)).isFalse();
        assertThat(incident.settle(T + 11, ACK)).isEmpty();
        assertThat(incident.state().getAcknowledgedBy()).isEqualTo("anna");
        assertThat(incident.checkTimer(T + 3_600_000, ACK)).isEmpty();
    }

    @Test
    void anAcknowledgementThatArrivesBeforeTheReportIsKeptAndTheAlertStartsAcknowledged() {
        Incident incident = Incident.fresh("i1");
        incident.acknowledged("anna", T + 30);
        assertThat(incident.settle(T + 31, ACK)).isEmpty();
        incident.reported(4, "D1", null, "IN_PERSON", T);
        assertThat(states(incident.settle(T + 40, ACK))).containsExactly(AlertState.RAISED, AlertState.ACKNOWLEDGED);
        assertThat(incident.state().getAckDueAt()).isNull();
        assertThat(incident.state().getReportedAt()).isEqualTo(T);
    }

    @Test
    void anIncidentResolvedBeforeAnyoneAcknowledgedClearsTheAlertAndStopsTheTimer() {
        Incident incident = Incident.fresh("i1");
        incident.reported(3, "D1", null, "IN_PERSON", T);
        incident.settle(T, ACK);
        incident.resolved("CLIENT_LEFT", null, null, T + 20_000);
        assertThat(states(incident.settle(T + 20_000, ACK))).containsExactly(AlertState.CLEARED);
        assertThat(incident.state().getAckDueAt()).isNull();
        assertThat(incident.checkTimer(T + 120_000, ACK)).isEmpty();
    }

    @Test
    void anIncidentHeardOfOnlyAfterItWasResolvedRaisesNothing() {
        Incident incident = Incident.fresh("i1");
        incident.resolved("CALMED", null, null, T + 50);
        incident.settle(T + 50, ACK);
        incident.reported(3, "D1", null, "IN_PERSON", T);
        assertThat(incident.settle(T + 60, ACK)).isEmpty();
    }

    @Test
    void aLevelRaisedFromTwoToThreeRaisesTheAlertThenAndALaterRiseUpdatesIt() {
        Incident incident = Incident.fresh("i1");
        incident.reported(2, "D1", null, "IN_PERSON", T);
        assertThat(incident.settle(T, ACK)).isEmpty();
        incident.reported(3, "D1", null, "IN_PERSON", T + 100);
        assertThat(states(incident.settle(T + 100, ACK))).containsExactly(AlertState.RAISED);
        incident.reported(4, "D1", null, "IN_PERSON", T + 200);
        assertThat(states(incident.settle(T + 200, ACK))).containsExactly(AlertState.RAISED);
        assertThat(incident.state().getLevel()).isEqualTo(4);
        incident.reported(2, "D1", null, "IN_PERSON", T + 300);
        assertThat(incident.settle(T + 300, ACK)).isEmpty();
        assertThat(incident.state().getLevel()).isEqualTo(4);
    }

    @Test
    void anEscalationToSecurityRaisesTheAlertButOneToTheSupervisorDoesNot() {
        Incident toSupervisor = Incident.fresh("i1");
        toSupervisor.reported(2, "D1", null, "PHONE", T);
        toSupervisor.escalated(Rung.SUPERVISOR, null, T);
        assertThat(toSupervisor.settle(T, ACK)).isEmpty();
        toSupervisor.escalated(Rung.SECURITY, null, T);
        assertThat(states(toSupervisor.settle(T + 1, ACK))).containsExactly(AlertState.RAISED);
    }

    @Test
    void theEarliestPoliceStepStandsWithWhoCalledAndAnEscalationBelowThePoliceRecordsNone() {
        Incident incident = Incident.fresh("i1");
        incident.reported(4, "D1", null, "IN_PERSON", T);
        incident.escalated(Rung.SECURITY, "kasia", T + 5);
        assertThat(incident.state().getPoliceNotifiedAt()).isNull();
        incident.escalated(Rung.POLICE, "bartek", T + 90);
        incident.escalated(Rung.POLICE, "kasia", T + 60);
        incident.escalated(Rung.POLICE, "anna", T + 120);
        assertThat(incident.state().getPoliceNotifiedAt()).isEqualTo(T + 60);
        assertThat(incident.state().getPoliceNotifiedBy()).isEqualTo("kasia");
        assertThat(incident.rung()).isEqualTo(Rung.POLICE);
    }

    @Test
    void theEarliestResolutionStandsWithItsOutcomeWhoAndNote() {
        Incident incident = Incident.fresh("i1");
        incident.reported(3, "D1", null, "IN_PERSON", T);
        incident.resolved("OTHER", "bartek", "second guess", T + 500);
        incident.resolved("CALMED", "anna", "client calmed down, left at 10:12", T + 400);
        incident.resolved("FALSE_ALARM", "kasia", null, T + 600);
        assertThat(incident.state().getResolvedAt()).isEqualTo(T + 400);
        assertThat(incident.state().getOutcome()).isEqualTo("CALMED");
        assertThat(incident.state().getResolvedBy()).isEqualTo("anna");
        assertThat(incident.state().getNote()).isEqualTo("client calmed down, left at 10:12");
    }

    @Test
    void theSameEventsInAnotherOrderEndInTheSameState() {
        Incident a = Incident.fresh("i1");
        a.reported(2, "D1", null, "IN_PERSON", T);
        a.reported(3, null, "WSO", "IN_PERSON", T + 10);
        a.acknowledged("anna", T + 20);
        a.resolved("CALMED", null, null, T + 30);
        Incident b = Incident.fresh("i1");
        b.resolved("CALMED", null, null, T + 30);
        b.acknowledged("anna", T + 20);
        b.reported(3, null, "WSO", "IN_PERSON", T + 10);
        b.reported(2, "D1", null, "IN_PERSON", T);
        assertThat(b.state()).isEqualTo(a.state());
    }
}
