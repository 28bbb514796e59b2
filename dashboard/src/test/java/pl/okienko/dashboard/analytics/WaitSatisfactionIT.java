package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

/**
 * Waits and satisfaction side by side (issue 15; Q1, S1): a department with eight scripted weeks of waits and
 * survey answers gets the Spearman coefficient worked out by hand below; one with three weeks gets its count and no
 * coefficient.
 */
class WaitSatisfactionIT extends IntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void shouldCorrelateEachDepartmentsWeeklyWaitAndSatisfactionFromEightWeeksOn() {
        String office = unique("IT-WAITSAT");
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + office, "admin", "admin-password",
                "application/json", "{\"name\":\"" + office + "\",\"departments\":[{\"departmentId\":\"WSO\",\"name\":"
                        + "\"Wydział Spraw Obywatelskich\"},{\"departmentId\":\"USC\",\"name\":\"Urząd Stanu Cywilnego\"}],"
                        + "\"queues\":[{\"queueId\":\"A\",\"departmentId\":\"WSO\",\"name\":\"Dowody\"},"
                        + "{\"queueId\":\"D\",\"departmentId\":\"USC\",\"name\":\"Akty\"}],"
                        + "\"desks\":[{\"deskId\":\"D1\",\"departmentId\":\"WSO\"},{\"deskId\":\"D2\",\"departmentId\":\"USC\"}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/offices/" + office, "admin",
                "admin-password").statusCode() == 200);
        LocalDate firstMonday = LocalDate.now(WARSAW).with(DayOfWeek.MONDAY).minusWeeks(8);
        LocalDate lastSunday = firstMonday.plusWeeks(8).minusDays(1);
        // WSO: waits of 1, 2, … 8 minutes, week by week; each week one answer of two questions whose scores add up
        // to 10, 8, 9, 6, 7, 4, 5, 3 (index (sum − 2) / 8 × 100): ranks 8, 6, 7, 4, 5, 2, 3, 1 against waits ranked
        // 1 … 8, d = −7, −4, −4, 0, 0, 4, 4, 7, Σd² = 162, ρ = 1 − 6 × 162 / (8 × (64 − 1))
        int[][] scores = {{5, 5}, {4, 4}, {5, 4}, {3, 3}, {4, 3}, {2, 2}, {3, 2}, {2, 1}};
        List<String> lines = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            LocalDate tuesday = firstMonday.plusWeeks(week).plusDays(1);
            lines.addAll(visit(office, "A", "D1", tuesday, week + 1, "W" + week));
            lines.add(answer(office, "WSO", tuesday, scores[week]));
            if (week < 3) {
                lines.addAll(visit(office, "D", "D2", tuesday, 5, "U" + week));
                lines.add(answer(office, "USC", tuesday, new int[] {4, 4}));
            }
        }
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        String path = "/api/v1/analytics/wait-satisfaction?from=" + firstMonday + "&to=" + lastSunday + "&offices=" + office;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode correlations = jsonBody(get(path, "admin", "admin-password"));
            assertThat(correlations).hasSize(2);
            assertThat(department(correlations, "WSO").get("weeks").asInt()).isEqualTo(8);
            assertThat(department(correlations, "USC").get("weeks").asInt()).isEqualTo(3);
        });
        JsonNode correlations = jsonBody(get(path, "admin", "admin-password"));
        assertThat(department(correlations, "WSO").get("rho").asDouble())
                .isCloseTo(1 - 6.0 * 162 / (8 * (64 - 1)), within(1e-9));
        assertThat(department(correlations, "WSO").get("departmentName").asString()).isEqualTo("Wydział Spraw Obywatelskich");
        assertThat(department(correlations, "USC").get("rho").isNull()).isTrue();
        assertThat(get(path.replace(office, COUNTY), "supervisor", "supervisor-password").statusCode()).isEqualTo(403);
    }

    private static JsonNode department(JsonNode correlations, String departmentId) {
        for (JsonNode correlation : correlations) {
            if (correlation.get("departmentId").asString().equals(departmentId)) {
                return correlation;
            }
        }
        throw new AssertionError("no " + departmentId + " in " + correlations);
    }

    /** A client of {@code queue} who waits {@code minutes} from 10:00 and is called to {@code desk}. */
    private static List<String> visit(String office, String queue, String desk, LocalDate date, int minutes, String ticket) {
        return List.of(
                PeriodsIT.event(office, "ticket_issued", PeriodsIT.at(date, LocalTime.of(10, 0)), "ticketId", ticket,
                        "\"queueId\":\"" + queue + "\""),
                PeriodsIT.event(office, "ticket_called", PeriodsIT.at(date, LocalTime.of(10, minutes)), "ticketId", ticket,
                        "\"deskId\":\"" + desk + "\""));
    }

    private static String answer(String office, String department, LocalDate date, int[] scores) {
        return PeriodsIT.event(office, "survey_response", PeriodsIT.at(date, LocalTime.of(12, 0)), "responseId",
                unique("r"), "\"channel\":\"KIOSK\",\"departmentId\":\"" + department + "\",\"scores\":{\"q1\":"
                        + scores[0] + ",\"q2\":" + scores[1] + "}");
    }
}
