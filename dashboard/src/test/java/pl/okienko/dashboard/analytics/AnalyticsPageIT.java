package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.BrowserIntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.platform.web.HeadlessChromium;

/**
 * Acceptance (issue 15, analyst pages) in a real browser: a small scripted month of two fresh offices is posted; an
 * analyst picks the two offices and the month on {@code /analytics} and sees the comparison table, whose figures are
 * those computed here from the script (the total merged, not averaged), sortable by a header, a trend chart with one
 * series per office holding the script's weekly mean waits, and a link to the same as CSV. A supervisor cannot open
 * the page for an office outside their scope.
 */
class AnalyticsPageIT extends BrowserIntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** The default T1 ring limit. */
    private static final int RING_LIMIT = 3;

    /** What was posted for one office: its waits in seconds by day, and its calls' rings. */
    private record Script(String officeId, Map<LocalDate, List<Integer>> waits, List<Integer> rings) {

        double meanWait() {
            return waits.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).average().orElseThrow();
        }

        long withinTarget() {
            return rings.stream().filter(r -> r <= RING_LIMIT).count();
        }
    }

    @Test
    void anAnalystComparesTwoOfficesOverAMonthInATableAndATrendChart() {
        LocalDate first = LocalDate.now(WARSAW).withDayOfMonth(1).minusMonths(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        // office A: every 4th day from the 1st, waits of 2 and 4 minutes growing by 10 s a day, calls answered at
        // rings 1 and 5; office B: every 7th day from the 2nd, waits of 1, 3 and 9 minutes, 6 calls of which 2 within
        Script a = post(registeredOffice("IT-ANALYST-A"), first, last, 0, 4, List.of(120, 240), 10, List.of(1, 5));
        Script b = post(registeredOffice("IT-ANALYST-B"), first, last, 1, 7, List.of(60, 180, 540), 0,
                List.of(2, 3, 4, 4, 5, 6));
        for (Script script : List.of(a, b)) {
            long waits = script.waits().values().stream().mapToLong(List::size).sum();
            long calls = (long) script.rings().size() * script.waits().size();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode row = comparison(first, last, script.officeId()).at("/offices/0/period");
                assertThat(row.path("q1Waits").asLong()).isEqualTo(waits);
                assertThat(row.path("t1Offered").asLong()).isEqualTo(calls);
            });
        }

        signInThroughForm(ANALYST, ANALYST_PASSWORD);
        browser.get(url("/analytics?lang=en"));
        assertThat(HeadlessChromium.text(browser, "nav-analytics")).isEqualTo("Analyses");
        HeadlessChromium.click(browser, "[data-testid='office-" + a.officeId() + "']");
        HeadlessChromium.click(browser, "[data-testid='office-" + b.officeId() + "']");
        js("document.querySelector(\"[data-testid='analytics-from']\").value = '" + first + "';"
                + " document.querySelector(\"[data-testid='analytics-to']\").value = '" + last + "';");
        new Select(browser.findElement(By.cssSelector("[data-testid='analytics-granularity']"))).selectByValue("week");
        HeadlessChromium.click(browser, "[data-testid='analytics-submit']");

        awaitAttribute("trend", "data-trend-state", "drawn", Duration.ofSeconds(15));
        assertThat(HeadlessChromium.text(browser, "comparison-row-" + a.officeId())).startsWith(a.officeId());
        assertThat(HeadlessChromium.text(browser, "comparison-row-" + b.officeId())).startsWith(b.officeId());
        assertThat(figure(a, "q1WaitMeanSeconds")).isCloseTo(a.meanWait(), within(1e-9));
        assertThat(figure(b, "q1WaitMeanSeconds")).isCloseTo(b.meanWait(), within(1e-9));
        assertThat(cell("comparison-row-" + b.officeId(), "q1WaitMeanSeconds").getText()).isEqualTo("4:20 min");
        assertThat(figure(a, "t1WithinTargetRate")).isCloseTo(0.5, within(1e-12));
        // the total from the merged counts: not the two offices' rates averaged
        double total = (a.withinTarget() * a.waits().size() + b.withinTarget() * b.waits().size())
                / (double) (a.rings().size() * a.waits().size() + b.rings().size() * b.waits().size());
        double averaged = (a.withinTarget() / (double) a.rings().size() + b.withinTarget() / (double) b.rings().size()) / 2;
        assertThat(Double.parseDouble(cell("comparison-total", "t1WithinTargetRate").getDomAttribute("data-value")))
                .isCloseTo(total, within(1e-12)).isNotCloseTo(averaged, within(0.01));

        // sorted by the mean wait, lowest first, then the other way round
        HeadlessChromium.click(browser, "button[data-key='q1WaitMeanSeconds']");
        List<String> ascending = rowOrder();
        HeadlessChromium.click(browser, "button[data-key='q1WaitMeanSeconds']");
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertThat(rowOrder()).isEqualTo(descending);
        assertThat(ascending).isEqualTo(a.meanWait() < b.meanWait()
                ? List.of(a.officeId(), b.officeId()) : List.of(b.officeId(), a.officeId()));

        assertTrendChart(first, last, a, b);

        String csv = browser.findElement(By.cssSelector("[data-testid='analytics-csv']")).getDomAttribute("href");
        assertThat(csv).isEqualTo("/api/v1/analytics/comparison.csv?from=" + first + "&to=" + last + "&offices="
                + a.officeId() + "," + b.officeId() + "&granularity=week");
        HttpResponse<String> file = get(csv, ANALYST, ANALYST_PASSWORD);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains(a.officeId(), b.officeId(), "TOTAL");
    }

    @Test
    void aSupervisorCannotOpenTheAnalystsPageForAnOfficeOutsideTheirScope() {
        LocalDate first = LocalDate.now(WARSAW).withDayOfMonth(1).minusMonths(1);
        String period = "&from=" + first + "&to=" + first.plusMonths(1).minusDays(1);
        PageSession supervisor = PageSession.signIn(port, "supervisor", "supervisor-password");

        assertThat(supervisor.get("/analytics?offices=" + COUNTY + period).statusCode()).isEqualTo(403);
        assertThat(supervisor.get("/analytics?offices=" + TOWN + "," + COUNTY + period).statusCode()).isEqualTo(403);
        HttpResponse<String> own = supervisor.get("/analytics?offices=" + TOWN + period);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("data-testid=\"comparison-row-" + TOWN + "\"")
                .doesNotContain("data-testid=\"office-" + COUNTY + "\"");
    }

    /**
     * Posts, every {@code step}th day of the month from day {@code offset + 1}, tickets waiting {@code waits} seconds
     * (each {@code growth} seconds longer per day posted) and calls answered at {@code rings}.
     */
    private Script post(String officeId, LocalDate first, LocalDate last, int offset, int step, List<Integer> waits,
            int growth, List<Integer> rings) {
        Map<LocalDate, List<Integer>> posted = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (LocalDate day = first.plusDays(offset); !day.isAfter(last); day = day.plusDays(step), n++) {
            List<Integer> dayWaits = new ArrayList<>();
            for (int k = 0; k < waits.size(); k++) {
                int wait = waits.get(k) + growth * n;
                dayWaits.add(wait);
                Instant issued = PeriodsIT.at(day, LocalTime.of(9, 0).plusMinutes(15L * k));
                String ticket = "T" + n + "-" + k;
                lines.add(PeriodsIT.event(officeId, "ticket_issued", issued, "ticketId", ticket,
                        "\"queueId\":\"A\",\"priorityCategory\":\"NONE\""));
                lines.add(PeriodsIT.event(officeId, "ticket_called", issued.plusSeconds(wait), "ticketId", ticket,
                        "\"deskId\":\"D1\""));
            }
            for (int k = 0; k < rings.size(); k++) {
                Instant offered = PeriodsIT.at(day, LocalTime.of(11, 0).plusMinutes(10L * k));
                String call = "C" + n + "-" + k;
                lines.add(PeriodsIT.event(officeId, "call_offered", offered, "callId", call, "\"lineId\":\"L1\""));
                lines.add(PeriodsIT.event(officeId, "call_answered", offered.plusSeconds(5L * rings.get(k)), "callId",
                        call, "\"rings\":" + rings.get(k)));
            }
            posted.put(day, dayWaits);
        }
        HttpResponse<String> response = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new Script(officeId, posted, rings);
    }

    private JsonNode comparison(LocalDate first, LocalDate last, String officeId) {
        HttpResponse<String> response = get("/api/v1/analytics/comparison?from=" + first + "&to=" + last + "&offices="
                + officeId, "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return jsonBody(response);
    }

    private WebElement cell(String rowTestId, String key) {
        return browser.findElement(By.cssSelector("[data-testid='" + rowTestId + "'] td[data-key='" + key + "']"));
    }

    /** The figure behind an office's cell, as the table sorts it. */
    private double figure(Script office, String key) {
        return Double.parseDouble(cell("comparison-row-" + office.officeId(), key).getDomAttribute("data-value"));
    }

    private List<String> rowOrder() {
        return browser.findElements(By.cssSelector("[data-testid='comparison-table'] tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-testid").substring("comparison-row-".length())).toList();
    }

    /** One series per office, its points the mean waits of the script's ISO weeks (cut to the month); another rule on a pick. */
    @SuppressWarnings("unchecked")
    private void assertTrendChart(LocalDate first, LocalDate last, Script a, Script b) {
        Object size = js("const c = document.querySelector(\"[data-testid='trend-chart'] canvas\");"
                + " if (!c) return null; const r = c.getBoundingClientRect(); return [r.width, r.height];");
        assertThat(size).as("trend canvas").isInstanceOf(List.class);
        assertThat((List<?>) size).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isPositive());
        assertThat((List<String>) js("return Array.from(document.querySelectorAll("
                + "\"[data-testid='trend'] .u-legend .u-series .u-label\")).map(e => e.textContent);"))
                .contains(a.officeId(), b.officeId());

        List<List<Object>> data = (List<List<Object>>) js(
                "return window.okienkoTrend.chart.data.map(s => Array.from(s));");
        assertThat(data).hasSize(3);
        assertCloseTo(numbers(data.get(1)), weeklyMeans(a, first, last));
        assertCloseTo(numbers(data.get(2)), weeklyMeans(b, first, last));

        new Select(browser.findElement(By.cssSelector("[data-testid='trend-rule']"))).selectByValue("t1WithinTargetRate");
        assertThat(js("return window.okienkoTrend.rule;")).isEqualTo("t1WithinTargetRate");
        List<List<Object>> rates = (List<List<Object>>) js(
                "return window.okienkoTrend.chart.data.map(s => Array.from(s));");
        assertThat(numbers(rates.get(1))).allSatisfy(v -> assertThat(v).isIn(null, 0.5));
    }

    /** The mean wait of each ISO week of the month (null where the script posted nothing that week). */
    private static List<Double> weeklyMeans(Script script, LocalDate first, LocalDate last) {
        List<Double> means = new ArrayList<>();
        for (LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(last);
                monday = monday.plusWeeks(1)) {
            LocalDate from = monday;
            List<Integer> waits = script.waits().entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(from.plusWeeks(1)))
                    .flatMap(e -> e.getValue().stream()).toList();
            means.add(waits.isEmpty() ? null : waits.stream().mapToInt(Integer::intValue).average().orElseThrow());
        }
        return means;
    }

    /** The same figures, null where expected, each within 1e-9 (the sketch's mean is a sum divided). */
    private static void assertCloseTo(List<Double> actual, List<Double> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertThat(actual.get(i)).as("week %d", i).isNull();
            } else {
                assertThat(actual.get(i)).as("week %d", i).isCloseTo(expected.get(i), within(1e-9));
            }
        }
    }

    private static List<Double> numbers(List<Object> values) {
        return values.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }
}
