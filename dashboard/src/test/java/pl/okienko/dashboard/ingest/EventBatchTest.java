package pl.okienko.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.security.ApiKeyPrincipal;

class EventBatchTest {

    private static String event(String id, String office) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"ticket_issued\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"2026-11-21T08:00:00+01:00\",\"source\":\"qmatic-1\",\"ticketId\":\"A1\",\"queueId\":\"A\"}";
    }

    @Test
    void ndjsonLinesKeepTheirLineNumbersAndBlankLinesAreSkipped() {
        EventBatch batch = EventBatch.ofNdjson(event("e1", "UM-JED") + "\n\n  \r\n" + event("e2", "UM-JED") + "\r\n", Instant.now());

        assertThat(batch.valid()).isTrue();
        assertThat(batch.events()).extracting(EventBatch.Line::line).containsExactly(1, 4);
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        EventBatch batch = EventBatch.ofNdjson("{}\n" + event("e2", "UM-JED") + "\n[1,2]\n", Instant.now());

        assertThat(batch.valid()).isFalse();
        assertThat(batch.errors()).extracting(EventBatch.LineError::line).containsExactly(1, 3);
        assertThat(batch.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void aJsonBodyIsOneEventEvenOverSeveralLines() {
        EventBatch batch = EventBatch.ofJson(event("e1", "UM-JED").replace(",", ",\n"), Instant.now());

        assertThat(batch.events()).singleElement().satisfies(line -> assertThat(line.line()).isEqualTo(1));
    }

    @Test
    void aKeyForOneOfficeMayNotSendForAnotherAndTheOfficeIsNamed() {
        EventBatch batch = EventBatch.ofNdjson(event("e1", "UM-JED") + "\n" + event("e2", "SP-GOS"), Instant.now());
        ApiKeyPrincipal town = new ApiKeyPrincipal("qmatic-1", Set.of("UM-JED"));

        assertThatThrownBy(() -> EventIngestService.checkAllowed(town, batch))
                .isInstanceOfSatisfying(EventIngestService.ForbiddenEventsException.class,
                        e -> assertThat(e.offices()).containsExactly("SP-GOS"))
                .hasMessageContaining("SP-GOS");
    }

    @Test
    void aKeyForTheRightOfficeAndSourceMaySend() {
        EventBatch batch = EventBatch.ofNdjson(event("e1", "UM-JED"), Instant.now());

        EventIngestService.checkAllowed(new ApiKeyPrincipal("qmatic-1", Set.of("UM-JED")), batch);
    }
}
