package pl.okienko.dashboard.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.BrowserIntegrationTest;

/**
 * The day charts (Q1, P1, T1, T2) in a real browser: a scripted day of a fresh office (tickets, a priority client, a
 * cancelled ticket, answered and missed calls) is posted, and on the live office page and on the day report each
 * uPlot chart holds, hour by hour, the figures worked out here from the script, and draws them on a canvas.
 *
 * <p>The script runs over the last 150 minutes (squeezed into today when the office's day began later), so
 * today's page shows it; everybody has left the line by the end, so no figure grows while the test reads it.
 */
class DayChartsPageIT extends BrowserIntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final long SCRIPT_SECONDS = 150 * 60;
    private static final String SOURCE = "it-charts";

    /** The script's events by their time: the lines' figures of an hour are those of events in time order. */
    private final SortedMap<Instant, String> lines = new TreeMap<>();
    private final List<Visit> visits = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private String office;
    private Instant start;
    private double scale;

    /** A ticket: issued, left the line (called, or cancelled when {@code ended} is null), its service ended. */
    private record Visit(String ticketId, boolean priority, Instant issued, Instant left, Instant ended) {
    }

    private record Call(Instant offered, boolean withinTarget, boolean missed) {
    }

    @Test
    void theLivePageAndTheDayReportChartTheSeriesOfThePostedDay() {
        office = registeredOffice("IT-CHARTS");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant midnight = LocalDate.ofInstant(now, WARSAW).atStartOfDay(WARSAW).toInstant();
        scale = Math.min(1.0, Duration.between(midnight, now).minusSeconds(60).toMillis() / 1000.0 / SCRIPT_SECONDS);
        start = now.minusSeconds(60).minusMillis(Math.round(SCRIPT_SECONDS * 1000 * scale));

        visit("A1", false, 0, 50 * 60, 60 * 60);
        visit("A2", false, 10 * 60, 70 * 60, 80 * 60);
        visit("A3", false, 20 * 60, 25 * 60, -1);
        visit("P1", true, 30 * 60, 40 * 60, 45 * 60);
        visit("A4", false, 90 * 60, 130 * 60, 140 * 60);
        visit("A5", false, 135 * 60, 145 * 60, 149 * 60);
        call("c1", 5 * 60, 2, false);
        call("c2", 15 * 60, 6, false);
        call("c3", 35 * 60, 0, true);
        call("c4", 100 * 60, 1, false);
        call("c5", 120 * 60, 0, true);
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines.values()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        LocalDate today = LocalDate.ofInstant(now, WARSAW);
        String api = "/api/v1/offices/" + office + "/charts?date=" + today;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> charts = get(api, "admin", "admin-password");
            return charts.statusCode() == 200 && sum(jsonBody(charts).get("queues").get("served")) == 5
                    && sum(jsonBody(charts).get("phone").get("offered")) == 5;
        });

        signInThroughForm("admin", "admin-password");
        int hourBefore = ZonedDateTime.now(WARSAW).getHour();
        browser.get(url("/offices/" + office + "?lang=en"));
        Map<String, List<List<Double>>> live = chartData();
        int hourAfter = ZonedDateTime.now(WARSAW).getHour();
        assertThat(live).isIn(expected(hourBefore), expected(hourAfter));
        assertThat(text("chart-queue-line")).contains("Clients waiting and the longest wait (Q1)", "Most waiting at once");
        assertDrawn();

        browser.get(url("/offices/" + office + "/days/" + today + "?lang=pl"));
        Map<String, List<List<Double>>> report = chartData();
        assertThat(report).isIn(expected(hourBefore), expected(ZonedDateTime.now(WARSAW).getHour()));
        assertThat(text("chart-phone")).contains("Poziom obsługi telefonów i nieodebrane połączenia (T1, T2)",
                "Nieodebrane połączenia");
        assertDrawn();
    }

    /** Every chart's data as the page's uPlot instances hold it: the hours, then one list per series. */
    @SuppressWarnings("unchecked")
    private Map<String, List<List<Double>>> chartData() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "drawn".equals(
                    d.findElement(By.cssSelector("[data-testid='charts']")).getDomAttribute("data-charts-state")));
        } catch (RuntimeException e) {
            throw evidence("charts", e);
        }
        Map<String, List<List<Object>>> raw = (Map<String, List<List<Object>>>) js(
                "const c = window.okienkoCharts; const out = {};"
                        + " Object.keys(c).forEach(k => out[k] = c[k].data.map(s => Array.from(s))); return out;");
        Map<String, List<List<Double>>> data = new TreeMap<>();
        raw.forEach((name, series) -> data.put(name, series.stream().map(s -> s.stream()
                .map(v -> v == null ? null : ((Number) v).doubleValue()).toList()).toList()));
        return data;
    }

    private void assertDrawn() {
        for (String chart : List.of("queue-line", "queue-flow", "phone", "priority")) {
            Object size = js("const c = document.querySelector(\"[data-testid='chart-" + chart + "'] canvas\");"
                    + " if (!c) return null; const r = c.getBoundingClientRect(); return [r.width, r.height];");
            assertThat(size).as(chart + " canvas").isInstanceOf(List.class);
            assertThat((List<?>) size).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isPositive());
        }
    }

    /** The charts' data worked out from the script, up to the current hour {@code lastHour}. */
    private Map<String, List<List<Double>>> expected(int lastHour) {
        int first = Math.min(hour(visits.get(0).issued()), hour(calls.get(0).offered()));
        List<Double> hours = new ArrayList<>();
        for (int h = first; h <= lastHour; h++) {
            hours.add((double) h);
        }
        return Map.of(
                "queue-line", List.of(hours, perHour(hours, this::peakWaiting), perHour(hours, this::longestWaitSeconds)),
                "queue-flow", List.of(hours, perHour(hours, h -> count(visits.stream().map(Visit::issued), h)),
                        perHour(hours, h -> count(visits.stream().filter(v -> v.ended() != null).map(Visit::ended), h))),
                "phone", List.of(hours, perHour(hours, h -> count(calls.stream().filter(Call::missed).map(Call::offered), h)),
                        perHour(hours, this::serviceLevel)),
                "priority", List.of(hours, perHour(hours, h -> priorityWait(h, true)), perHour(hours, h -> priorityWait(h, false))));
    }

    private static List<Double> perHour(List<Double> hours, Function<Integer, Double> value) {
        List<Double> values = new ArrayList<>();
        hours.forEach(h -> values.add(value.apply(h.intValue())));
        return values;
    }

    /** The most clients in line at once: at the hour's start and just after each instant in it. */
    private Double peakWaiting(int hour) {
        Instant from = hourStart(hour);
        Instant to = hourStart(hour + 1);
        List<Instant> instants = new ArrayList<>(List.of(from));
        visits.forEach(v -> List.of(v.issued(), v.left()).stream()
                .filter(t -> !t.isBefore(from) && t.isBefore(to)).forEach(instants::add));
        return (double) instants.stream().mapToLong(t -> visits.stream()
                .filter(v -> !v.issued().isAfter(t) && v.left().isAfter(t)).count()).max().orElse(0);
    }

    /** The longest any client had waited in the hour: when one left the line, or at the hour's end. */
    private Double longestWaitSeconds(int hour) {
        Instant from = hourStart(hour);
        Instant to = hourStart(hour + 1);
        List<Instant> instants = new ArrayList<>(List.of(to));
        visits.stream().map(Visit::left).filter(t -> t.isAfter(from) && !t.isAfter(to)).forEach(instants::add);
        return (double) instants.stream().mapToLong(t -> visits.stream()
                .filter(v -> v.issued().isBefore(t) && !v.left().isBefore(t))
                .mapToLong(v -> Duration.between(v.issued(), t).toMillis()).max().orElse(0) / 1000).max().orElse(0);
    }

    private Double serviceLevel(int hour) {
        List<Call> inHour = calls.stream().filter(c -> hour(c.offered()) == hour).toList();
        return inHour.isEmpty() ? null : (double) inHour.stream().filter(Call::withinTarget).count() / inHour.size();
    }

    private Double priorityWait(int hour, boolean longest) {
        List<Long> waits = visits.stream().filter(v -> v.priority() && v.ended() != null && hour(v.left()) == hour)
                .map(v -> Duration.between(v.issued(), v.left()).toMillis()).toList();
        if (waits.isEmpty()) {
            return null;
        }
        return longest ? (double) (waits.stream().mapToLong(Long::longValue).max().orElseThrow() / 1000)
                : waits.stream().mapToLong(Long::longValue).sum() / 1000.0 / waits.size();
    }

    private Double count(Stream<Instant> instants, int hour) {
        return (double) instants.filter(t -> hour(t) == hour).count();
    }

    private int hour(Instant at) {
        return at.atZone(WARSAW).getHour();
    }

    private Instant hourStart(int hour) {
        return LocalDate.ofInstant(start, WARSAW).atStartOfDay(WARSAW).plusHours(hour).toInstant();
    }

    private Instant at(long seconds) {
        return start.plusMillis(Math.round(seconds * 1000 * scale));
    }

    /** A ticket issued at {@code issued}, called at {@code left} and served until {@code ended}, or cancelled ({@code ended} -1). */
    private void visit(String ticket, boolean priority, long issued, long left, long ended) {
        String id = office + "-" + ticket;
        event("ticket_issued", issued, "\"ticketId\":\"" + id + "\",\"queueId\":\"A\",\"priorityCategory\":\""
                + (priority ? "ELDERLY" : "NONE") + "\"");
        if (ended < 0) {
            event("ticket_cancelled", left, "\"ticketId\":\"" + id + "\"");
        } else {
            event("ticket_called", left, "\"ticketId\":\"" + id + "\",\"deskId\":\"D1\"");
            event("service_ended", ended, "\"ticketId\":\"" + id + "\",\"outcome\":\"RESOLVED\"");
        }
        visits.add(new Visit(id, priority, at(issued), at(left), ended < 0 ? null : at(ended)));
    }

    /** A call offered at {@code offered}: answered at that many rings (within the default 3 or later), or missed. */
    private void call(String callId, long offered, int rings, boolean missed) {
        String id = office + "-" + callId;
        event("call_offered", offered, "\"callId\":\"" + id + "\",\"lineId\":\"L1\"");
        if (missed) {
            event("call_unanswered", offered + 20, "\"callId\":\"" + id + "\",\"reason\":\"ABANDONED\"");
        } else {
            event("call_answered", offered + 5L * rings, "\"callId\":\"" + id + "\",\"rings\":" + rings);
        }
        calls.add(new Call(at(offered), !missed && rings <= 3, missed));
    }

    private void event(String type, long seconds, String fields) {
        String line = "{\"eventId\":\"" + office + "-" + lines.size() + "\",\"type\":\"" + type + "\",\"officeId\":\""
                + office + "\",\"occurredAt\":\"" + at(seconds) + "\",\"source\":\"" + SOURCE + "\"," + fields + "}";
        assertThat(lines.put(at(seconds), line)).as("the script's events have distinct times").isNull();
    }

    private static long sum(JsonNode series) {
        long total = 0;
        for (JsonNode value : series) {
            total += value.asLong();
        }
        return total;
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText();
    }
}
