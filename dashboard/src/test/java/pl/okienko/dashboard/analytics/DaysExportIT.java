package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;

/**
 * The analysts' CSV export on the running application: two past days of one office posted through
 * the ingestion API come back as one row per day with the figures computed here.
 */
class DaysExportIT extends IntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void shouldExportOneRowPerDayWithEveryRulesFigure() {
        String office = registeredOffice("IT-EXPORT");
        LocalDate first = LocalDate.now(WARSAW).minusDays(3);
        LocalDate second = first.plusDays(1);
        List<String> lines = new ArrayList<>();
        // first day: one wait of 300 s, a service of 600 s
        lines.add(queue(office, "ticket_issued", at(first, "09:00:00"), "A1", "\"queueId\":\"A\",\"priorityCategory\":\"NONE\""));
        lines.add(queue(office, "ticket_called", at(first, "09:05:00"), "A1", "\"deskId\":\"D1\""));
        lines.add(queue(office, "service_ended", at(first, "09:15:00"), "A1", "\"outcome\":\"RESOLVED\""));
        // second day: waits of 60 s and 180 s; one call answered at the 2nd ring, one abandoned
        lines.add(queue(office, "ticket_issued", at(second, "10:00:00"), "B1", "\"queueId\":\"A\",\"priorityCategory\":\"NONE\""));
        lines.add(queue(office, "ticket_called", at(second, "10:01:00"), "B1", "\"deskId\":\"D1\""));
        lines.add(queue(office, "ticket_issued", at(second, "10:02:00"), "B2", "\"queueId\":\"A\",\"priorityCategory\":\"NONE\""));
        lines.add(queue(office, "ticket_called", at(second, "10:05:00"), "B2", "\"deskId\":\"D1\""));
        lines.add(call(office, "call_offered", at(second, "11:00:00"), "c1", "\"lineId\":\"L1\""));
        lines.add(call(office, "call_answered", at(second, "11:00:08"), "c1", "\"rings\":2"));
        lines.add(call(office, "call_offered", at(second, "11:10:00"), "c2", "\"lineId\":\"L1\""));
        lines.add(call(office, "call_unanswered", at(second, "11:10:40"), "c2", "\"reason\":\"ABANDONED\""));
        // and two survey answers at the kiosk: scores 5 and 4, then 2
        lines.add(survey(office, at(second, "12:00:00"), "{\"q1\":5,\"q2\":4}"));
        lines.add(survey(office, at(second, "12:30:00"), "{\"q1\":2}"));
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines)).statusCode()).isEqualTo(202);

        String path = "/api/v1/offices/" + office + "/days.csv?from=" + first.minusDays(1) + "&to=" + second;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Map<String, String>> rows = rows(get(path, "admin", "admin-password"));
            assertThat(rows.get(second.toString())).containsEntry("t1_calls_offered", "2");
            assertThat(rows.get(second.toString())).containsEntry("q1_waits", "2").containsEntry("s1_responses", "2");
        });
        HttpResponse<String> response = get(path, "admin", "admin-password");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"okienko-" + office + "-" + first.minusDays(1) + "-" + second + ".csv\"");
        Map<String, Map<String, String>> rows = rows(response);
        assertThat(rows).containsOnlyKeys(first.minusDays(1).toString(), first.toString(), second.toString());
        // an office of the directory counts nothing, and has no means, on a day it sent nothing
        assertThat(rows.get(first.minusDays(1).toString())).containsEntry("q1_waits", "0").containsEntry("t1_calls_offered", "0")
                .containsEntry("q1_wait_mean_s", "");
        assertThat(rows.get(first.toString())).containsEntry("q1_waits", "1").containsEntry("q1_wait_mean_s", "300.0")
                .containsEntry("q1_services", "1").containsEntry("q1_service_mean_s", "600.0")
                .containsEntry("q4_resolved_rate", "1.0000");
        assertThat(rows.get(second.toString())).containsEntry("q1_waits", "2")
                .containsEntry("q1_wait_mean_s", String.format(java.util.Locale.ROOT, "%.1f", (60 + 180) / 2.0))
                .containsEntry("q1_wait_max_s", "180.0")
                .containsEntry("t1_calls_offered", "2").containsEntry("t1_service_level", "0.5000")
                .containsEntry("t2_unanswered", "1").containsEntry("t2_abandoned", "1")
                // three answers scoring 11: the mean 11 / 3, the index (11 − 3 × 1) / (3 × 4) × 100
                .containsEntry("s1_responses", "2").containsEntry("s1_answers", "3")
                .containsEntry("s1_mean_score", String.format(java.util.Locale.ROOT, "%.2f", 11 / 3.0))
                .containsEntry("s1_index", String.format(java.util.Locale.ROOT, "%.1f", (11 - 3) / 12.0 * 100));
        // no answers that day: none counted, and no index
        assertThat(rows.get(first.toString())).containsEntry("s1_responses", "0").containsEntry("s1_index", "");
    }

    @Test
    void shouldAnswerNotFoundForAnOfficeThatIsNotInTheDirectoryAndSentNothing() {
        HttpResponse<String> response = get("/api/v1/offices/" + unique("IT-NOBODY") + "/days.csv?from=2026-11-01&to=2026-11-02",
                "admin", "admin-password");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseABadRangeAndAnotherOfficesSupervisor() {
        String base = "/api/v1/offices/" + TOWN + "/days.csv";
        HttpResponse<String> reversed = get(base + "?from=2026-11-20&to=2026-11-01", "admin", "admin-password");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("to 2026-11-01 is before from 2026-11-20");
        HttpResponse<String> tooLong = get(base + "?from=2024-01-01&to=2026-01-01", "admin", "admin-password");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 366 days per export, asked for 732");
        HttpResponse<String> missing = get(base + "?from=2026-11-01", "admin", "admin-password");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("parameter 'to' is required");
        assertThat(get("/api/v1/offices/" + COUNTY + "/days.csv?from=2026-11-01&to=2026-11-02", "supervisor",
                "supervisor-password").statusCode()).isEqualTo(403);
        HttpResponse<String> own = get("/api/v1/offices/" + TOWN + "/days.csv?from=2026-11-01&to=2026-11-02", "supervisor",
                "supervisor-password");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body().split("\r\n")).hasSize(3);
    }

    private static Map<String, Map<String, String>> rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String[] lines = response.body().split("\r\n");
        List<String> header = List.of(lines[0].split(",", -1));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.put(row.get("date"), row);
        }
        return rows;
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(WARSAW).toInstant();
    }

    private static String survey(String office, Instant at, String scores) {
        String id = unique("survey");
        return "{\"eventId\":\"" + id + "\",\"type\":\"survey_response\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-export\",\"responseId\":\"" + id
                + "\",\"channel\":\"KIOSK\",\"scores\":" + scores + "}";
    }

    private static String queue(String office, String type, Instant at, String ticket, String fields) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-export\",\"ticketId\":\"" + ticket + "\"," + fields + "}";
    }

    private static String call(String office, String type, Instant at, String callId, String fields) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-export\",\"callId\":\"" + callId + "\"," + fields + "}";
    }
}
