package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.ObjectNode;

import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.events.survey.SurveyResponse;

class EventJsonTest {

    private static final String TICKET_ISSUED = """
            {"eventId":"e-1","type":"ticket_issued","officeId":"UMJ","occurredAt":"2026-11-21T08:00:00+01:00",\
            "source":"qmatic-1","ticketId":"A001","queueId":"A","priorityCategory":"ELDERLY"}""";

    @ParameterizedTest(name = "{0}")
    @MethodSource("pl.okienko.schemas.EventTypes#all")
    void shouldRoundTripEveryEventTypeWithEveryFieldSet(EventType type) {
        SpecificRecord event = Samples.full(type);

        ObjectNode json = EventJson.encode(event);

        assertThat(json.get("type").asString()).isEqualTo(type.name());
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-21T07:15:30.123Z");
        assertThat(EventJson.decode(json)).isEqualTo(event);
        assertThat(EventJson.decode(EventJson.encodeToString(event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pl.okienko.schemas.EventTypes#all")
    void shouldRoundTripEveryEventTypeWithOptionalFieldsNull(EventType type) {
        SpecificRecord event = Samples.minimal(type);

        assertThat(EventJson.decode(EventJson.encodeToString(event))).isEqualTo(event);
    }

    @Test
    void shouldDecodeTheDocumentedExample() {
        QueueEvent event = (QueueEvent) EventJson.decode(TICKET_ISSUED);

        assertThat(event.getEventId()).isEqualTo("e-1");
        assertThat(event.getOfficeId()).isEqualTo("UMJ");
        assertThat(event.getSource()).isEqualTo("qmatic-1");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
        TicketIssued ticket = (TicketIssued) event.getPayload();
        assertThat(ticket.getTicketId()).isEqualTo("A001");
        assertThat(ticket.getPriorityCategory()).isEqualTo(PriorityCategory.ELDERLY);
        assertThat(ticket.getAppointment()).as("default when absent").isFalse();
    }

    @Test
    void shouldEncodeFlatWithTypeAfterEventIdAndInstantsInUtc() {
        String json = EventJson.encodeToString(EventJson.decode(TICKET_ISSUED));

        assertThat(json).isEqualTo("{\"eventId\":\"e-1\",\"type\":\"ticket_issued\",\"officeId\":\"UMJ\","
                + "\"occurredAt\":\"2026-11-21T07:00:00Z\",\"source\":\"qmatic-1\",\"ticketId\":\"A001\","
                + "\"queueId\":\"A\",\"priorityCategory\":\"ELDERLY\",\"appointment\":false}");
    }

    @Test
    void shouldAcceptOptionalFieldsAbsentOrNull() {
        PhoneEvent absent = (PhoneEvent) EventJson.decode(event("call_answered", "\"callId\":\"c-1\""));
        PhoneEvent nulls = (PhoneEvent) EventJson.decode(event("call_answered", "\"callId\":\"c-1\",\"rings\":null,\"extension\":null"));

        assertThat(absent).isEqualTo(nulls);
        assertThat(((CallAnswered) absent.getPayload()).getRings()).isNull();
    }

    @Test
    void shouldDecodeOptionalInstantAndDefaults() {
        EmailEvent event = (EmailEvent) EventJson.decode(event("email_received",
                "\"messageId\":\"m-1\",\"mailboxId\":\"bok\",\"senderAddress\":\"a@b.pl\",\"agreedReplyBy\":\"2026-11-23T12:00:00Z\""));

        EmailReceived received = (EmailReceived) event.getPayload();
        assertThat(received.getReadReceiptRequested()).isFalse();
        assertThat(received.getAgreedReplyBy()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void shouldDecodeMapsAsJsonObjects() {
        SurveyEvent event = (SurveyEvent) EventJson.decode(event("survey_response",
                "\"responseId\":\"r-1\",\"channel\":\"KIOSK\",\"scores\":{\"speed\":5,\"courtesy\":4}"));

        assertThat(((SurveyResponse) event.getPayload()).getScores()).isEqualTo(Map.of("speed", 5, "courtesy", 4));
    }

    @Test
    void shouldRejectUnknownTypeWithAHint() {
        assertThatThrownBy(() -> EventJson.decode(event("ticket_isued", "\"ticketId\":\"A001\"")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown type \"ticket_isued\"")
                .hasMessageContaining("did you mean \"ticket_issued\"?")
                .hasMessageContaining("GET /api/v1/schemas");
    }

    @Test
    void shouldRejectEventWithMissingType() {
        assertThatThrownBy(() -> EventJson.decode("{\"eventId\":\"e-1\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("missing field \"type\"");
    }

    @Test
    void shouldRejectEventWithMissingTicketId() {
        assertThatThrownBy(() -> EventJson.decode(event("ticket_issued", "\"queueId\":\"A\"")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("missing field \"ticketId\"");
    }

    @Test
    void shouldRejectEventWithMissingOccurredAt() {
        assertThatThrownBy(() -> EventJson.decode(
                "{\"eventId\":\"e-1\",\"type\":\"no_show\",\"officeId\":\"UMJ\",\"source\":\"q\",\"ticketId\":\"A1\"}"))
                .hasMessage("missing field \"occurredAt\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "3.5", "true", "99999999999"})
    void shouldRejectRingsThatAreNotAnInteger(String rings) {
        assertThatThrownBy(() -> EventJson.decode(event("call_answered", "\"callId\":\"c-1\",\"rings\":" + rings)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("field \"rings\" must be an integer");
    }

    static Stream<Arguments> ticketsWithAWrongPart() {
        return Stream.of(
                Arguments.of("an occurredAt without offset", "2026-11-21T08:00:00+01:00", "2026-11-21T08:00:00",
                        "field \"occurredAt\" is not an RFC 3339 instant with offset", "has no offset"),
                Arguments.of("an unknown field", "\"queueId\":\"A\"", "\"queueId\":\"A\",\"foo\":1",
                        "unknown field \"foo\" for ticket_issued",
                        "allowed: eventId, type, officeId, occurredAt, source, ticketId, queueId"),
                Arguments.of("a misspelt field", "\"ticketId\"", "\"tiketId\"",
                        "unknown field \"tiketId\" for ticket_issued (did you mean \"ticketId\"?", "did you mean"),
                Arguments.of("a duplicate field", "\"queueId\":\"A\"", "\"queueId\":\"A\",\"queueId\":\"B\"",
                        "not valid JSON", "queueId"));
    }

    /** A ticket_issued event with one part changed: refused, the message saying what and where. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ticketsWithAWrongPart")
    void shouldRejectATicketIssuedWithAWrongPartSayingWhy(String wrong, String part, String replacement,
            String messageStart, String messageNames) {
        String json = TICKET_ISSUED.replace(part, replacement);

        assertThatThrownBy(() -> EventJson.decode(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageContaining(messageNames);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"2026-11-21\"", "1763708400000"})
    void shouldRejectOccurredAtThatIsNotAnInstant(String occurredAt) {
        String json = TICKET_ISSUED.replace("\"2026-11-21T08:00:00+01:00\"", occurredAt);

        assertThatThrownBy(() -> EventJson.decode(json))
                .hasMessageStartingWith("field \"occurredAt\" is not an RFC 3339 instant with offset");
    }

    @Test
    void shouldRejectUnknownEnumValueListingTheAllowedOnes() {
        String json = TICKET_ISSUED.replace("ELDERLY", "FOO");

        assertThatThrownBy(() -> EventJson.decode(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("unknown value \"FOO\" for \"priorityCategory\" (allowed: NONE, ELDERLY, DISABLED, PREGNANT, SMALL_CHILD, OTHER)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "officeId", "source"})
    void shouldRejectBlankEnvelopeText(String field) {
        String json = TICKET_ISSUED.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\" \"");

        assertThatThrownBy(() -> EventJson.decode(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("field \"" + field + "\" must not be blank");
    }

    @Test
    void shouldRejectNullForARequiredField() {
        String json = TICKET_ISSUED.replace("\"A001\"", "null");

        assertThatThrownBy(() -> EventJson.decode(json)).hasMessage("field \"ticketId\" must not be null");
    }

    @Test
    void shouldRejectAStringWhereABooleanIsExpected() {
        assertThatThrownBy(() -> EventJson.decode(event("priority_offered", "\"ticketId\":\"A1\",\"accepted\":\"yes\"")))
                .hasMessage("field \"accepted\" must be true or false, was a string");
    }

    @Test
    void shouldRejectIncidentLevelOutOfRange() {
        assertThatThrownBy(() -> EventJson.decode(event("incident_reported",
                "\"incidentId\":\"i-1\",\"level\":5,\"channel\":\"IN_PERSON\"")))
                .hasMessage("field \"level\" must be between 1 and 4, was 5");
    }

    @Test
    void shouldRejectSurveyScoreOutOfRange() {
        assertThatThrownBy(() -> EventJson.decode(event("survey_response",
                "\"responseId\":\"r-1\",\"channel\":\"WEB\",\"scores\":{\"speed\":6}")))
                .hasMessage("field \"scores.speed\" must be between 1 and 5, was 6");
    }

    @Test
    void shouldRejectInputThatIsNotAJsonObject() {
        assertThatThrownBy(() -> EventJson.decode("[1,2]"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("an event must be a JSON object, was an array");
        assertThatThrownBy(() -> EventJson.decode("{\"eventId\":"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventJson.decode("{} {}"))
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventJson.decode(""))
                .hasMessageStartingWith("empty input");
    }

    @Test
    void shouldParseJsonNestedAThousandDeepButRefuseDeeper() {
        // Depth 1000 still parses, so the refusal comes from the codec; 1001 is refused by the parser.
        assertThatThrownBy(() -> EventJson.decode("[".repeat(1000) + "]".repeat(1000)))
                .hasMessage("an event must be a JSON object, was an array");
        assertThatThrownBy(() -> EventJson.decode("[".repeat(1001) + "]".repeat(1001)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON")
                .hasMessageContaining("(1000,");
    }

    private static String event(String type, String payloadFields) {
        return "{\"eventId\":\"e-1\",\"type\":\"" + type + "\",\"officeId\":\"UMJ\","
                + "\"occurredAt\":\"2026-11-21T08:00:00+01:00\",\"source\":\"test\"," + payloadFields + "}";
    }
}
