package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

/**
 * Periods (issue 15) on the running application: a scripted month of two offices posted through the ingestion API,
 * read back with {@code ?from=&to=}: the period's counts, means, p90 and rates are those computed here from the
 * script, and differ from an average of the daily figures where they should (percentiles, rates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodsIT extends IntegrationTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final int DAYS = 30;
    /** The default T1 ring limit. */
    private static final int RING_LIMIT = 3;

    private final LocalDate first = LocalDate.now(WARSAW).minusDays(DAYS + 3L);
    private final LocalDate last = first.plusDays(DAYS - 1L);
    private final List<Script> offices = new ArrayList<>();

    /** What was posted for one office: each wait in seconds and each call, by day. */
    record Script(String officeId, Map<LocalDate, List<Integer>> waits, Map<LocalDate, List<Call>> calls) {
    }

    /** One call offered: answered at {@code rings} after {@code delay} s, or abandoned when {@code rings} is 0. */
    record Call(int rings, int delay) {

        boolean answered() {
            return rings > 0;
        }
    }

    @BeforeAll
    void postAScriptedMonthOfTwoOffices() {
        offices.add(post(registeredOffice("IT-PERIOD-A"), 0));
        offices.add(post(registeredOffice("IT-PERIOD-B"), 1));
        for (Script script : offices) {
            int waits = script.waits().values().stream().mapToInt(List::size).sum();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    total(script.officeId(), "queues", "").at("/office/waitTime/count").asInt()).isEqualTo(waits));
            int calls = script.calls().values().stream().mapToInt(List::size).sum();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    total(script.officeId(), "phone", "").at("/office/offered").asInt()).isEqualTo(calls));
        }
    }

    /**
     * Office {@code variant} 0: each day 3 tickets waiting 1 to 5 minutes and, every 7th day, one of 25 minutes; 1 to 4
     * calls a day, the days of 4 answered late. Office 1: 2 tickets of 2 to 6.5 minutes, every 10th day one of 40
     * minutes; 4 calls a day.
     */
    private Script post(String officeId, int variant) {
        Map<LocalDate, List<Integer>> waits = new TreeMap<>();
        Map<LocalDate, List<Call>> calls = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            List<Integer> dayWaits = new ArrayList<>();
            for (int k = 0; k < (variant == 0 ? 3 : 2); k++) {
                dayWaits.add(variant == 0 ? 60 * (1 + (i + k) % 5) : 120 + 90 * ((2 * i + k) % 4));
            }
            if (variant == 0 ? i % 7 == 0 : i % 10 == 3) {
                dayWaits.add(variant == 0 ? 1500 : 2400);
            }
            List<Call> dayCalls = new ArrayList<>();
            for (int k = 0; k < (variant == 0 ? 1 + i % 4 : 4); k++) {
                boolean abandoned = variant == 0 ? (i + k) % 6 == 5 : (i + k) % 4 == 0;
                // office A's busiest days (4 calls) are its worst: every answer after the 3rd ring
                int rings = variant == 0 ? (i % 4 == 3 ? 5 : 1 + (i + 2 * k) % 3) : 1 + (i * k) % 4;
                dayCalls.add(abandoned ? new Call(0, 40) : new Call(rings, 5 * rings));
            }
            waits.put(day, dayWaits);
            calls.put(day, dayCalls);
            for (int k = 0; k < dayWaits.size(); k++) {
                Instant issued = at(day, LocalTime.of(9, 0).plusMinutes(50L * k));
                String ticket = "T" + i + "-" + k;
                lines.add(event(officeId, "ticket_issued", issued, "ticketId", ticket,
                        "\"queueId\":\"A\",\"priorityCategory\":\"NONE\""));
                lines.add(event(officeId, "ticket_called", issued.plusSeconds(dayWaits.get(k)), "ticketId", ticket,
                        "\"deskId\":\"D1\""));
            }
            for (int k = 0; k < dayCalls.size(); k++) {
                Instant offered = at(day, LocalTime.of(11, 0).plusMinutes(10L * k));
                Call call = dayCalls.get(k);
                String callId = "C" + i + "-" + k;
                lines.add(event(officeId, "call_offered", offered, "callId", callId, "\"lineId\":\"L1\""));
                lines.add(call.answered()
                        ? event(officeId, "call_answered", offered.plusSeconds(call.delay()), "callId", callId,
                                "\"rings\":" + call.rings())
                        : event(officeId, "call_unanswered", offered.plusSeconds(call.delay()), "callId", callId,
                                "\"reason\":\"ABANDONED\""));
            }
        }
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines)).statusCode()).isEqualTo(202);
        return new Script(officeId, waits, calls);
    }

    @Test
    void shouldGiveThePeriodsWaitsFromEveryWaitOfTheMonthNotFromTheDaysFigures() {
        for (Script script : offices) {
            List<Integer> all = script.waits().values().stream().flatMap(List::stream).sorted().toList();
            JsonNode waits = total(script.officeId(), "queues", "").at("/office/waitTime");

            assertThat(waits.get("count").asInt()).isEqualTo(all.size());
            assertThat(waits.get("meanSeconds").asDouble())
                    .isCloseTo(all.stream().mapToInt(Integer::intValue).sum() / (double) all.size(), within(1e-9));
            assertThat(waits.get("maxSeconds").asDouble()).isEqualTo((double) all.get(all.size() - 1));
            double p90 = nearestRank(all, 0.9);
            assertThat(waits.get("p90Seconds").asDouble()).isCloseTo(p90, withinPercentage(1));

            // the days' own p90s, as the API gives them, averaged: not the period's p90
            JsonNode days = period(script.officeId(), "queues", "&granularity=day").get("rows");
            assertThat(days).hasSize(DAYS);
            double averagedP90 = average(days, row -> row.at("/figures/office/waitTime/p90Seconds").asDouble());
            double scriptAveragedP90 = script.waits().values().stream()
                    .mapToDouble(d -> nearestRank(d.stream().sorted().toList(), 0.9)).average().orElseThrow();
            assertThat(averagedP90).isCloseTo(scriptAveragedP90, withinPercentage(1));
            assertThat(p90).isNotCloseTo(averagedP90, withinPercentage(10));
        }
    }

    @Test
    void shouldGiveThePeriodsServiceLevelAndMissedRateFromTheSummedCounts() {
        for (Script script : offices) {
            List<Call> all = script.calls().values().stream().flatMap(List::stream).toList();
            long within = all.stream().filter(c -> c.answered() && c.rings() <= RING_LIMIT).count();
            long abandoned = all.stream().filter(c -> !c.answered()).count();
            List<Call> answered = all.stream().filter(Call::answered).toList();
            JsonNode phone = total(script.officeId(), "phone", "").get("office");

            assertThat(phone.get("offered").asInt()).isEqualTo(all.size());
            assertThat(phone.get("answeredWithinTarget").asLong()).isEqualTo(within);
            assertThat(phone.get("serviceLevel").asDouble()).isCloseTo(within / (double) all.size(), within(1e-12));
            assertThat(phone.get("missedRate").asDouble()).isCloseTo(abandoned / (double) all.size(), within(1e-12));
            assertThat(phone.get("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(
                    answered.stream().mapToInt(Call::delay).sum() / (double) answered.size(), within(1e-9));

            JsonNode days = period(script.officeId(), "phone", "&granularity=day").get("rows");
            double averagedLevel = average(days, row -> row.at("/figures/office/serviceLevel").asDouble());
            double averagedScript = script.calls().values().stream().mapToDouble(
                    d -> d.stream().filter(c -> c.answered() && c.rings() <= RING_LIMIT).count() / (double) d.size())
                    .average().orElseThrow();
            assertThat(averagedLevel).isCloseTo(averagedScript, within(1e-9));
            if (script == offices.get(0)) {
                // office A's days differ in size: a rate of the month is not the days' rates averaged
                assertThat(phone.get("serviceLevel").asDouble()).isNotCloseTo(averagedLevel, within(0.01));
            }
        }
    }

    @Test
    void shouldCutThePeriodIntoIsoWeeksEachCountingItsOwnDays() {
        Script script = offices.get(1);
        Map<String, Integer> byWeek = new TreeMap<>();
        script.waits().forEach((day, waits) -> byWeek.merge(String.format("%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), waits.size(),
                Integer::sum));

        JsonNode view = period(script.officeId(), "queues", "&granularity=week");

        assertThat(view.get("granularity").asString()).isEqualTo("week");
        Map<String, Integer> rows = new TreeMap<>();
        view.get("rows").forEach(row -> rows.put(row.get("period").asString(),
                row.at("/figures/office/waitTime/count").asInt()));
        assertThat(rows).isEqualTo(byWeek);
        assertThat(view.get("rows").get(0).get("from").asString()).isEqualTo(first.toString());
    }

    @Test
    void shouldCompareTheOfficesSideBySideWithATotalFromTheMergedData() {
        String both = offices.get(0).officeId() + "," + offices.get(1).officeId();
        var response = get("/api/v1/analytics/comparison?from=" + first + "&to=" + last + "&offices=" + both
                + "&granularity=month", "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode comparison = jsonBody(response);

        List<Integer> allWaits = new ArrayList<>();
        List<Call> allCalls = new ArrayList<>();
        for (int o = 0; o < offices.size(); o++) {
            Script script = offices.get(o);
            List<Integer> waits = script.waits().values().stream().flatMap(List::stream).sorted().toList();
            List<Call> calls = script.calls().values().stream().flatMap(List::stream).toList();
            allWaits.addAll(waits);
            allCalls.addAll(calls);
            JsonNode row = comparison.get("offices").get(o).get("period");
            assertThat(row.get("officeId").asString()).isEqualTo(script.officeId());
            assertThat(row.get("q1Waits").asInt()).isEqualTo(waits.size());
            assertThat(row.get("q1WaitP90Seconds").asDouble()).isCloseTo(nearestRank(waits, 0.9), withinPercentage(1));
            assertThat(row.get("t1WithinTargetRate").asDouble()).isCloseTo(withinTarget(calls), within(1e-12));
        }
        JsonNode total = comparison.at("/total/period");
        List<Integer> sorted = allWaits.stream().sorted().toList();
        assertThat(total.get("officeId").asString()).isEqualTo("TOTAL");
        assertThat(total.get("q1Waits").asInt()).isEqualTo(sorted.size());
        assertThat(total.get("q1WaitMeanSeconds").asDouble()).isCloseTo(
                sorted.stream().mapToInt(Integer::intValue).sum() / (double) sorted.size(), within(1e-9));
        assertThat(total.get("q1WaitP90Seconds").asDouble()).isCloseTo(nearestRank(sorted, 0.9), withinPercentage(1));
        assertThat(total.get("t1WithinTargetRate").asDouble()).isCloseTo(withinTarget(allCalls), within(1e-12));
        // the two offices' rows averaged would be another figure
        double averaged = (comparison.at("/offices/0/period/t1WithinTargetRate").asDouble()
                + comparison.at("/offices/1/period/t1WithinTargetRate").asDouble()) / 2;
        assertThat(total.get("t1WithinTargetRate").asDouble()).isNotCloseTo(averaged, within(0.01));
        assertThat(comparison.at("/total/rows")).isNotEmpty();

        var csv = get("/api/v1/analytics/comparison.csv?from=" + first + "&to=" + last + "&offices=" + both
                + "&granularity=month", "admin", "admin-password");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        // the header, then per office and the total its period's row and one per month
        int months = comparison.at("/total/rows").size();
        assertThat(lines).hasSize(1 + 3 * (1 + months));
        assertThat(lines[0]).startsWith("officeId,officeName,period,from,to,q1Waits,");
        assertThat(lines[lines.length - 1 - months]).startsWith("TOTAL,");
    }

    @Test
    void shouldRefuseAnotherOfficesSupervisorTheComparison() {
        var response = get("/api/v1/analytics/comparison?from=" + first + "&to=" + last + "&offices=" + TOWN + ","
                + COUNTY, "supervisor", "supervisor-password");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jsonBody(response).get("detail").asString()).isEqualTo("you may not see office " + COUNTY);
        var own = get("/api/v1/analytics/comparison?from=" + first + "&to=" + last, "supervisor",
                "supervisor-password");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(jsonBody(own).get("offices")).singleElement()
                .satisfies(office -> assertThat(office.get("officeId").asString()).isEqualTo(TOWN));
    }

    private static double withinTarget(List<Call> calls) {
        return calls.stream().filter(c -> c.answered() && c.rings() <= RING_LIMIT).count() / (double) calls.size();
    }

    @Test
    void shouldRefuseAPeriodMixedWithADate() {
        var response = get("/api/v1/offices/" + offices.get(0).officeId() + "/phone?date=" + first + "&from="
                + first + "&to=" + last, "admin", "admin-password");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jsonBody(response).get("detail").asString()).isEqualTo("give either date or from and to, not both");
    }

    private JsonNode period(String officeId, String view, String more) {
        var response = get("/api/v1/offices/" + officeId + "/" + view + "?from=" + first + "&to=" + last + more,
                "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return jsonBody(response);
    }

    private JsonNode total(String officeId, String view, String more) {
        return period(officeId, view, more).get("total");
    }

    /** The nearest-rank quantile: the ⌈q·n⌉-th smallest. */
    private static double nearestRank(List<Integer> sorted, double q) {
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }

    private static double average(JsonNode rows, Function<JsonNode, Double> figure) {
        List<Double> figures = new ArrayList<>();
        rows.forEach(row -> figures.add(figure.apply(row)));
        return figures.stream().collect(Collectors.averagingDouble(Double::doubleValue));
    }

    /** {@code time} of {@code date} in Warsaw, where the scripted offices are. */
    static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(WARSAW).toInstant();
    }

    /** One event of the script in the HTTP wire form: {@code idField} names its ticket or call, {@code fields} the rest. */
    static String event(String office, String type, Instant at, String idField, String id, String fields) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-periods\",\"" + idField + "\":\"" + id + "\","
                + fields + "}";
    }
}
