package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.directory.Queue;

class AvroJsonTest {

    private static final String OFFICE = """
            {"officeId":"UMJ","name":"Urząd Miejski w Jędrzejowie",
             "businessHours":[{"dayOfWeek":1,"opens":"07:30","closes":"15:30"}],
             "queues":[{"queueId":"A","name":"Meldunki"}]}""";

    @Test
    void shouldDecodeNestedRecordsWithDefaults() {
        Office office = AvroJson.decode(OFFICE, Office.class);

        assertThat(office.getTimeZone()).isEqualTo("Europe/Warsaw");
        assertThat(office.getBusinessHours()).containsExactly(new BusinessHours(1, "07:30", "15:30"));
        assertThat(office.getQueues()).containsExactly(new Queue("A", null, "Meldunki"));
        assertThat(office.getDesks()).isEmpty();
    }

    @Test
    void shouldRoundTripAnOffice() {
        Office office = AvroJson.decode(OFFICE, Office.class);

        assertThat(AvroJson.decode(AvroJson.encodeToString(office), Office.class)).isEqualTo(office);
    }

    @Test
    void shouldRoundTripAnAlertWithInstantsAndMap() {
        Alert alert = Alert.newBuilder().setAlertId("a-1").setType(AlertType.CALLBACK_OVERDUE).setRule("T3")
                .setState(AlertState.RAISED).setOfficeId("UMJ").setSubjectType("call").setSubjectId("c-1")
                .setRaisedAt(Instant.parse("2026-11-21T09:00:00Z")).setAt(Instant.parse("2026-11-21T09:00:00.5Z"))
                .setMessage("callback overdue").setDetails(Map.of("line", "L1")).build();

        String json = AvroJson.encodeToString(alert);

        assertThat(json).contains("\"raisedAt\":\"2026-11-21T09:00:00Z\"", "\"details\":{\"line\":\"L1\"}", "\"by\":null");
        assertThat(AvroJson.decode(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void shouldDecodeAListOfPolicies() {
        List<Policy> policies = AvroJson.decodeList("""
                [{"officeId":"UMJ","queueWaitingLimit":10},
                 {"officeId":"UMJ","scope":"QUEUE","scopeId":"A","queueLongestWaitMinutes":15}]""", Policy.class);

        assertThat(policies).hasSize(2);
        assertThat(policies.get(0).getScope()).isEqualTo(PolicyScope.OFFICE);
        assertThat(policies.get(1).getQueueLongestWaitMinutes()).isEqualTo(15);
        assertThat(AvroJson.encodeArray(policies)).hasSize(2);
    }

    @Test
    void shouldNameTheNestedFieldThatIsWrong() {
        assertThatThrownBy(() -> AvroJson.decode(OFFICE.replace("\"opens\"", "\"opns\""), Office.class))
                .isInstanceOf(InvalidRecordException.class)
                .isNotInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("unknown field \"businessHours[0].opns\" (did you mean \"opens\"?");
        assertThatThrownBy(() -> AvroJson.decode(OFFICE.replace("\"dayOfWeek\":1", "\"dayOfWeek\":\"MONDAY\""), Office.class))
                .hasMessage("field \"businessHours[0].dayOfWeek\" must be an integer, was a string");
    }

    @Test
    void shouldNameTheListElementThatIsWrong() {
        assertThatThrownBy(() -> AvroJson.decodeList("[{\"officeId\":\"UMJ\"},{\"scope\":\"QUEUE\"}]", Policy.class))
                .hasMessage("missing field \"[1].officeId\"");
        assertThatThrownBy(() -> AvroJson.decodeList("{}", Policy.class))
                .hasMessageStartingWith("expected a JSON array of Policy");
    }

    @Test
    void shouldRejectAnAlertWithALocalDateTime() {
        assertThatThrownBy(() -> AvroJson.decode("""
                {"alertId":"a","type":"INCIDENT","rule":"I1","state":"RAISED","officeId":"UMJ","subjectType":"incident",
                 "subjectId":"i","raisedAt":"2026-11-21T10:00:00","at":"2026-11-21T10:00:00Z","message":"m"}""", Alert.class))
                .hasMessageStartingWith("field \"raisedAt\" is not an RFC 3339 instant with offset");
    }
}
