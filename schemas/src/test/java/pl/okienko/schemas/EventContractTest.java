package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one contract (issue 11): limits on every id and text, strict RFC 3339 instants within the
 * window the event topics accept, ranges; the same check the topologies apply to records on topics.
 */
class EventContractTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static String ticket(String occurredAt, String queueId) {
        return "{\"eventId\":\"e-1\",\"type\":\"ticket_issued\",\"officeId\":\"UMJ\",\"occurredAt\":\"" + occurredAt
                + "\",\"source\":\"qmatic-1\",\"ticketId\":\"A001\",\"queueId\":\"" + queueId + "\"}";
    }

    /** An event of {@code type} from {@code source} at 08:00 UTC on 21 November 2026 with these payload fields. */
    private static String event(String type, String source, String payloadFields) {
        return "{\"eventId\":\"e-1\",\"type\":\"" + type + "\",\"officeId\":\"UMJ\",\"occurredAt\":\"2026-11-21T08:00:00Z\","
                + "\"source\":\"" + source + "\"," + payloadFields + "}";
    }

    private static SpecificRecord decode(String json) {
        return EventJson.decode(json, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pl.okienko.schemas.EventTypes#all")
    void shouldAcceptEverySampleEvent(EventType type) {
        assertThat(EventContract.check(Samples.full(type), NOW)).isEmpty();
        assertThat(EventContract.check(Samples.minimal(type), NOW)).isEmpty();
    }

    @Test
    void shouldRefuseAnIdLongerThanTheLimitNamingTheFieldAndTheLimit() {
        String longId = "Q".repeat(EventContract.MAX_ID_CHARS + 1);

        assertThatThrownBy(() -> decode(ticket("2026-11-21T08:00:00Z", longId)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("field \"queueId\" may have at most 128 characters, had 129");
        assertThat(decode(ticket("2026-11-21T08:00:00Z", "Q".repeat(EventContract.MAX_ID_CHARS)))).isNotNull();
    }

    @Test
    void shouldNameTheFieldOfHalfAMegabyteAndItsLimit() {
        String huge = ticket("2026-11-21T08:00:00Z", "Q".repeat(500 * 1024));

        assertThatThrownBy(() -> decode(huge)).isInstanceOf(InvalidEventException.class)
                .hasMessage("field \"queueId\" may have at most 128 characters, had 512000");
    }

    @Test
    void shouldRefuseAnEventLongerThanTheLimitThoughEveryFieldKeepsItsOwn() {
        String padded = ticket("2026-11-21T08:00:00Z", "A").replace(",", "," + " ".repeat(3000));

        assertThatThrownBy(() -> decode(padded)).isInstanceOf(InvalidEventException.class)
                .hasMessage("an event may have at most 16384 characters of JSON, this one has " + padded.length());
    }

    @Test
    void shouldRefuseAnEventWhoseEncodedRecordIsOverTheLimitThoughItsJsonIsNot() {
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < EventContract.MAX_ITEMS; i++) {
            scores.append(i == 0 ? "" : ",").append('"').append(String.format("%03d", i))
                    .append("\u6f22".repeat(EventContract.MAX_ID_CHARS - 3)).append("\":5");
        }
        String json = "{\"eventId\":\"s-1\",\"type\":\"survey_response\",\"officeId\":\"UMJ\","
                + "\"occurredAt\":\"2026-11-21T08:00:00Z\",\"source\":\"kiosk\",\"responseId\":\"r1\","
                + "\"channel\":\"KIOSK\",\"scores\":{" + scores + "}}";

        assertThat(json.length()).isLessThan(EventContract.MAX_EVENT_SIZE);
        assertThatThrownBy(() -> decode(json)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("the record has ").hasMessageEndingWith("bytes, more than the limit of 16384 bytes of one event");
    }

    @Test
    void shouldRefuseIdsHoldingTheKeySeparator() {
        assertThatThrownBy(() -> decode(ticket("2026-11-21T08:00:00Z", "A|B")))
                .hasMessage("field \"queueId\" must not contain '|' (it joins ids in keys)");
    }

    @Test
    void shouldRefuseABlankOptionalId() {
        String json = event("service_started", "qmatic-1", "\"ticketId\":\"A001\",\"deskId\":\" \"");

        assertThatThrownBy(() -> decode(json))
                .hasMessage("field \"deskId\" must not be blank (leave an optional field out instead)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T08:00:00+01:00:00", "2026-11-21T08:00:00-00:00", "2026-11-21t08:00:00Z",
            "2026-11-21T08:00:00z", "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-11-21T08:00Z",
            "2026-02-30T08:00:00Z", "2026-11-21 08:00:00Z"})
    void shouldRefuseInstantsThatAreNotStrictRfc3339(String occurredAt) {
        assertThatThrownBy(() -> decode(ticket(occurredAt, "A")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("field \"occurredAt\" is not an RFC 3339 instant with offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1000-06-01T00:00:00+02:00"})
    void shouldRefuseInstantsBeforeTheEpochWithAClearMessage(String occurredAt) {
        assertThatThrownBy(() -> decode(ticket(occurredAt, "A")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("field \"occurredAt\" must lie between 1970-01-01T00:00:00Z and");
    }

    @Test
    void shouldAcceptAnyPastInstantFromTheEpochOnAndUpToADayAhead() {
        assertThat(decode(ticket("1970-01-01T00:00:00Z", "A"))).isNotNull();
        assertThat(decode(ticket("1999-08-01T09:00:00+02:00", "A"))).isNotNull();
        assertThat(decode(ticket(NOW.plus(Duration.ofHours(24)).toString(), "A"))).isNotNull();
    }

    @Test
    void shouldRefuseAnOccurredAtMoreThanADayAheadOfTheReceivingClock() {
        assertThatThrownBy(() -> decode(ticket(NOW.plus(Duration.ofHours(24)).plusMillis(1).toString(), "A")))
                .hasMessageStartingWith("field \"occurredAt\" 2026-11-22T12:00:00.001Z is more than 24 hours ahead");
        assertThatThrownBy(() -> decode(ticket("9999-12-31T23:59:59Z", "A")))
                .hasMessageStartingWith("field \"occurredAt\" 9999-12-31T23:59:59Z is more than 24 hours ahead");
    }

    @Test
    void shouldRefuseANegativeAnnouncedPause() {
        String json = event("service_paused", "qmatic-1", "\"ticketId\":\"A001\",\"announcedMinutes\":-5");

        assertThatThrownBy(() -> decode(json)).hasMessage("field \"announcedMinutes\" must be between 0 and 1440, was -5");
    }

    @Test
    void shouldNeverEchoTheValueOfAFieldSentWithTheWrongType() {
        String json = event("call_offered", "pbx", "\"callId\":\"c1\",\"lineId\":\"L1\",\"callerNumber\":601777128");

        assertThatThrownBy(() -> decode(json)).hasMessageNotContaining("601777128")
                .hasMessageContaining("callerNumber");
    }

    @Test
    void shouldRefuseAPersonalFieldLongerThanTheLimitOnARecordFromATopic() {
        SpecificRecord event = EventJson.decode(event("call_offered", "pbx",
                "\"callId\":\"c1\",\"lineId\":\"L1\",\"callerNumber\":\"" + "6".repeat(EventContract.MAX_PERSONAL_CHARS + 1) + "\""));

        assertThat(EventContract.check(event, NOW)).contains("field \"callerNumber\" may have at most 320 characters, had 321");
    }

    @Test
    void shouldRefuseARecordLargerThanOneEvent() {
        assertThat(EventContract.checkSize(EventContract.MAX_EVENT_SIZE)).isEmpty();
        assertThat(EventContract.checkSize(4 * 1024 * 1024)).contains(
                "the record has 4194304 bytes, more than the limit of 16384 bytes of one event");
    }
}
