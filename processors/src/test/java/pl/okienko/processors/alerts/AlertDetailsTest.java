package pl.okienko.processors.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.schemas.Rule;

/** Every alert type's details go into the Avro map under the keys stored alerts carry, and come back equal. */
class AlertDetailsTest {

    private static final Instant DUE = Instant.parse("2026-11-24T14:53:07.118Z");
    private static final Instant OPENED = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void shouldRoundTripQueueExcessiveDetails() {
        var details = new QueueExcessiveDetails("A", 18, 1330L, 15, 1200L);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("queueId", "A", "waiting", "18",
                "longestWaitSeconds", "1330", "waitingLimit", "15", "longestWaitLimitSeconds", "1200"));
        assertThat(AlertDetails.of("QUEUE_EXCESSIVE", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldRoundTripPriorityWaitingDetails() {
        var details = new PriorityWaitingDetails("A017", "A", "ELDERLY", 370L, 2, 300L);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("ticketId", "A017", "queueId", "A",
                "category", "ELDERLY", "waitSeconds", "370", "bypasses", "2", "targetSeconds", "300"));
        assertThat(AlertDetails.of("PRIORITY_WAITING", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldRoundTripCallbackOverdueDetailsAndLeaveOutWhatIsUnknown() {
        var open = new CallbackOverdueDetails("T4-cb1", "PROMISED", DUE, OPENED, 2, "L1", null);

        assertThat(open.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("obligationId", "T4-cb1", "kind", "PROMISED",
                "dueAt", "2026-11-24T14:53:07.118Z", "openedAt", "2026-11-24T09:00:00Z", "missedCalls", "2",
                "lineId", "L1"));
        assertThat(AlertDetails.of("CALLBACK_OVERDUE", open.toMap())).isEqualTo(open);
        var met = new CallbackOverdueDetails("T3-x", "MISSED", DUE, OPENED, 1, null, "CALLBACK");
        assertThat(AlertDetails.of("CALLBACK_OVERDUE", met.toMap())).isEqualTo(met);
    }

    @Test
    void shouldRoundTripEmailOverdueDetails() {
        var details = new EmailOverdueDetails("m-17", "sekretariat", "WSO", OPENED, DUE, 1);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("messageId", "m-17",
                "mailboxId", "sekretariat", "departmentId", "WSO", "receivedAt", "2026-11-24T09:00:00Z",
                "dueAt", "2026-11-24T14:53:07.118Z", "holdingReplies", "1"));
        assertThat(AlertDetails.of("EMAIL_OVERDUE", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldRoundTripComplaintDeadlineDetailsOfBothComplaintTypes() {
        var details = new ComplaintDeadlineDetails("k-7", "WNS.1520.7", "REQUEST", null, OPENED, DUE, 3);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("complaintId", "k-7",
                "registerNumber", "WNS.1520.7", "kind", "REQUEST", "registeredAt", "2026-11-24T09:00:00Z",
                "dueAt", "2026-11-24T14:53:07.118Z", "extensions", "3"));
        assertThat(AlertDetails.of("COMPLAINT_DUE_SOON", details.toMap())).isEqualTo(details);
        assertThat(AlertDetails.of("COMPLAINT_OVERDUE", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldRoundTripIncidentDetails() {
        var details = new IncidentDetails("inc-1", 3, false, "4", "WSO", null, "TERMINAL", "SECURITY", 1, 120L,
                OPENED, null);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("incidentId", "inc-1", "level", "3",
                "panic", "false", "deskId", "4", "departmentId", "WSO", "channel", "TERMINAL",
                "escalation", "SECURITY", "reraises", "1", "ackWithinSeconds", "120",
                "reportedAt", "2026-11-24T09:00:00Z"));
        assertThat(AlertDetails.of("INCIDENT", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldRoundTripHotspotDetails() {
        var details = new HotspotDetails(3, 2, 30L);

        assertThat(details.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("incidents", "3", "threshold", "2",
                "windowMinutes", "30"));
        assertThat(AlertDetails.of("INCIDENT_HOTSPOT", details.toMap())).isEqualTo(details);
    }

    @Test
    void shouldReadAMissingOrMalformedValueAsNullAndKeepTheRest() {
        assertThat(AlertDetails.of("QUEUE_EXCESSIVE", Map.of("waiting", "18", "waitingLimit", "many")))
                .isEqualTo(new QueueExcessiveDetails(null, 18, null, null, null));
        assertThat(AlertDetails.of("EMAIL_OVERDUE", Map.of("dueAt", "soon")))
                .isEqualTo(new EmailOverdueDetails(null, null, null, null, null, null));
        assertThat(AlertDetails.of("INCIDENT_HOTSPOT", null)).isEqualTo(new HotspotDetails(null, null, null));
    }

    @Test
    void shouldKeepTheDetailsOfATypeItDoesNotKnowAsSent() {
        assertThat(AlertDetails.of("UNKNOWN", Map.of("x", "1"))).isEqualTo(new UnknownDetails(Map.of("x", "1")));
    }

    @Test
    void shouldReadTheDetailsOfAnAvroAlertAndOfItsView() {
        var details = new HotspotDetails(2, 2, 30L);
        Alert alert = AlertFactory.step("id", AlertType.INCIDENT_HOTSPOT, Rule.I1, AlertState.RAISED, "UM-JED", "desk",
                "4", 1L, 2L, "m", details);
        AlertView view = new AlertView("id", "INCIDENT_HOTSPOT", "I1", "RAISED", "UM-JED", "desk", "4", OPENED, OPENED,
                "m", alert.getDetails(), null);

        assertThat(AlertDetails.of(alert)).isEqualTo(details);
        assertThat(view.typedDetails()).isEqualTo(details);
    }
}
