package pl.okienko.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.topics.Topics;

/** {@code POST /api/v1/events} against the running application and a real broker. */
class EventIngestIT extends IntegrationTest {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void aValidBatchIsAcceptedAndWrittenKeyedByOfficeAndStampedWithOccurredAt() {
        String batch = unique("valid");
        String body = ticketIssued(batch + "-1", TOWN, "qmatic-1", "A001") + "\n\n"
                + ticketIssued(batch + "-2", TOWN, "qmatic-1", "A002") + "\n";

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":2}");
        List<ConsumerRecord<String, QueueEvent>> mine = ofBatch(readUntil(Topics.QUEUE_EVENTS,
                read -> ofBatch(read, batch).size() == 2), batch);
        assertThat(mine).extracting(ConsumerRecord::key).containsOnly(TOWN);
        assertThat(mine).allSatisfy(record ->
                assertThat(record.timestamp()).isEqualTo(record.value().getOccurredAt().toEpochMilli()));
    }

    @Test
    void aSingleJsonEventIsAccepted() {
        String eventId = unique("single");

        HttpResponse<String> response = postEvents(TOWN_KEY, "application/json", ticketIssued(eventId, TOWN, "qmatic-1", "B001"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1}");
    }

    @Test
    void aBatchWithBadLinesIsRefusedNamingEveryBadLineAndNothingIsWritten() {
        String batch = unique("refused");
        String body = ticketIssued(batch + "-1", TOWN, "qmatic-1", "C001") + "\n"
                + "{\"eventId\":\"" + batch + "-2\",\"type\":\"ticket_teleported\"}\n"
                + ticketIssued(batch + "-3", TOWN, "qmatic-1", "C003") + "\n"
                + "not json at all\n";

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":2").contains("ticket_teleported")
                .contains("\"line\":4").doesNotContain("\"line\":1").doesNotContain("\"line\":3");
        // A later batch of the same office lands in the same partition: once it is read, the refused one would have been too.
        String marker = unique("marker");
        assertThat(postEvents(TOWN_KEY, NDJSON, ticketIssued(marker, TOWN, "qmatic-1", "C999")).statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, QueueEvent>> read = readUntil(Topics.QUEUE_EVENTS, records -> !ofBatch(records, marker).isEmpty());
        assertThat(ofBatch(read, batch)).isEmpty();
    }

    @Test
    void personalFieldsArePseudonymisedBeforeTheyAreWritten() {
        String eventId = unique("call");
        String call = "{\"eventId\":\"" + eventId + "\",\"type\":\"call_offered\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"2026-11-21T09:00:00+01:00\",\"source\":\"pbx\",\"callId\":\"c-1\",\"lineId\":\"L-CENTRALA\","
                + "\"callerNumber\":\"+48 600 100 200\"}";

        assertThat(postEvents(ANY_KEY, "application/json", call).statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, PhoneEvent>> read = readUntil(Topics.PHONE_EVENTS,
                records -> records.stream().anyMatch(r -> r.value().getEventId().equals(eventId)));
        PhoneEvent written = read.stream().map(ConsumerRecord::value).filter(e -> e.getEventId().equals(eventId)).findFirst().orElseThrow();
        String callerNumber = ((CallOffered) written.getPayload()).getCallerNumber();
        assertThat(callerNumber).startsWith("h:").doesNotContain("600");
    }

    @Test
    void aMissingOrUnknownApiKeyIsUnauthorized() {
        String event = ticketIssued(unique("nokey"), TOWN, "qmatic-1", "D001");

        assertThat(postEvents(null, NDJSON, event).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = postEvents("not-a-key", NDJSON, event);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("X-Api-Key");
    }

    @Test
    void peoplesCredentialsDoNotAuthenticateIngestion() {
        HttpResponse<String> response = send("POST", "/api/v1/events", "admin", "admin-password", NDJSON,
                ticketIssued(unique("person"), TOWN, "qmatic-1", "D002"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyMayNotSendEventsForAnotherOffice() {
        String body = ticketIssued(unique("own"), TOWN, "qmatic-1", "E001") + "\n"
                + ticketIssued(unique("foreign"), COUNTY, "qmatic-1", "E002") + "\n";

        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains(COUNTY);
    }

    @Test
    void aKeyMayNotSendEventsOfAnotherSource() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, ticketIssued(unique("source"), TOWN, "other-system", "E003"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("other-system");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, "\n\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("empty");
    }

    @Test
    void aBatchOfMoreThanTheLineLimitIsTooLarge() {
        HttpResponse<String> response = postEvents(TOWN_KEY, NDJSON, "{}\n".repeat(100_001));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("100000 lines");
    }

    @Test
    void anotherContentTypeIsUnsupported() {
        HttpResponse<String> response = postEvents(TOWN_KEY, "text/csv", "a,b,c");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("application/x-ndjson");
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, V>> ofBatch(
            List<ConsumerRecord<String, V>> records, String batch) {
        return records.stream()
                .filter(r -> String.valueOf(r.value().get(r.value().getSchema().getField("eventId").pos())).startsWith(batch))
                .toList();
    }
}
