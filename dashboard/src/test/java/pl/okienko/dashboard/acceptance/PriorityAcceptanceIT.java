package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.IntegrationTest;

/**
 * Acceptance of the priority issue (P1, Q3) end to end: a scripted day posted over HTTP to the
 * running application; the bypasses, fulfilment and waits it reports equal those computed here
 * from the script alone.
 */
class PriorityAcceptanceIT extends IntegrationTest {

    private static final String OFFICE = "IT-PRIO";
    private static final long TARGET_MILLIS = 5 * 60_000L;

    /** One ticket of queue A in the script; declinedAt null when priority was not declined. */
    private record Ticket(String id, boolean priority, long issuedAt, Long declinedAt, long calledAt, boolean servingDesk) {

        boolean regularAt(long time) {
            return !priority || (declinedAt != null && declinedAt <= time);
        }

        boolean eligible() {
            return priority && declinedAt == null;
        }
    }

    private record Line(long at, String json) {
    }

    @Test
    void shouldReportExactlyTheBypassesFulfilmentAndWaitsOfAScriptedDay() {
        LocalDate day = LocalDate.now(ScriptedDay.WARSAW).minusDays(2);
        long opening = day.atTime(LocalTime.of(9, 0)).atZone(ScriptedDay.WARSAW).toInstant().toEpochMilli();
        SplittableRandom random = new SplittableRandom(3);
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean priority = i % 4 == 1;
            long issued = opening + random.nextLong(3 * 3_600_000L);
            Long declined = priority && i % 12 == 1 ? issued + 5_000 : null;
            long called = issued + 30_000 + random.nextLong(12 * 60_000L);
            tickets.add(new Ticket("T" + i, priority, issued, declined, called, random.nextInt(5) != 0));
        }

        List<Line> lines = new ArrayList<>();
        int[] seq = {0};
        lines.add(new Line(opening - 3_600_000, desk(seq, opening - 3_600_000, "D1", "A")));
        lines.add(new Line(opening - 3_600_000, desk(seq, opening - 3_600_000, "D3", "B")));
        for (Ticket t : tickets) {
            lines.add(new Line(t.issuedAt, event(seq, t.issuedAt, "ticket_issued", t.id,
                    "\"queueId\":\"A\",\"priorityCategory\":\"" + (t.priority ? "ELDERLY" : "NONE") + "\"")));
            if (t.declinedAt != null) {
                lines.add(new Line(t.declinedAt, event(seq, t.declinedAt, "priority_offered", t.id, "\"accepted\":false")));
            }
            lines.add(new Line(t.calledAt, event(seq, t.calledAt, "ticket_called", t.id,
                    "\"deskId\":\"" + (t.servingDesk ? "D1" : "D3") + "\"")));
        }
        lines.sort(Comparator.comparingLong(Line::at));

        // what P1 and Q3 say, from the script alone
        long eligible = 0;
        long fulfilled = 0;
        long bypasses = 0;
        long withBypasses = 0;
        List<Long> waits = new ArrayList<>();
        for (Ticket p : tickets) {
            if (!p.eligible()) {
                continue;
            }
            long n = tickets.stream().filter(r -> r != p && r.servingDesk && r.regularAt(r.calledAt)
                    && r.calledAt > p.issuedAt && r.calledAt < p.calledAt).count();
            long wait = p.calledAt - p.issuedAt;
            eligible++;
            bypasses += n;
            withBypasses += n > 0 ? 1 : 0;
            fulfilled += n == 0 && wait <= TARGET_MILLIS ? 1 : 0;
            waits.add(wait);
        }
        long regularCalls = tickets.stream().filter(r -> r.regularAt(r.calledAt)).count();
        long outOfOrder = tickets.stream().filter(r -> r.regularAt(r.calledAt)
                && tickets.stream().anyMatch(e -> e != r && e.issuedAt < r.issuedAt && e.calledAt > r.calledAt
                        && e.regularAt(r.calledAt))).count();
        ScriptedDay.Expected waitStats = ScriptedDay.Expected.of(waits);
        assertThat(bypasses).as("the script must exercise bypasses").isPositive();
        assertThat(outOfOrder).as("the script must exercise out-of-order calls").isPositive();

        assertThat(postEvents(ANY_KEY, "application/x-ndjson",
                String.join("\n", lines.stream().map(Line::json).toList())).statusCode()).isEqualTo(202);
        String path = "/api/v1/offices/" + OFFICE + "/priority?date=" + day;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                json(path).path("office").path("callOrder").path("regularCalls").asLong()).isEqualTo(regularCalls));

        JsonNode a = json(path).path("office");
        JsonNode priority = a.path("priority");
        assertThat(priority.path("eligible").asLong()).isEqualTo(eligible);
        assertThat(priority.path("declined").asLong()).isEqualTo(tickets.stream().filter(t -> t.declinedAt != null).count());
        assertThat(priority.path("fulfilled").asLong()).isEqualTo(fulfilled);
        assertThat(priority.path("fulfilmentRate").asDouble()).isEqualTo((double) fulfilled / eligible);
        assertThat(priority.path("bypasses").asLong()).isEqualTo(bypasses);
        assertThat(priority.path("ticketsWithBypasses").asLong()).isEqualTo(withBypasses);
        JsonNode wait = priority.path("waitTime");
        assertThat(wait.path("count").asLong()).isEqualTo(waitStats.count());
        assertThat(wait.path("meanSeconds").asDouble()).isCloseTo(waitStats.mean(), within(1e-9));
        assertThat(wait.path("maxSeconds").asDouble()).isEqualTo(waitStats.max());
        assertThat(wait.path("p90Seconds").asDouble()).isCloseTo(waitStats.p90(), within(waitStats.p90() * 0.01));
        assertThat(a.path("callOrder").path("outOfOrderCalls").asLong()).isEqualTo(outOfOrder);
    }

    private JsonNode json(String path) {
        return HttpClientSupport.JSON.readTree(get(path, "admin", "admin-password").body());
    }

    private static String event(int[] seq, long at, String type, String ticket, String extra) {
        return "{\"eventId\":\"prio-" + (++seq[0]) + "\",\"type\":\"" + type + "\",\"officeId\":\"" + OFFICE
                + "\",\"occurredAt\":\"" + Instant.ofEpochMilli(at) + "\",\"source\":\"it-prio\",\"ticketId\":\""
                + ticket + "\"," + extra + "}";
    }

    private static String desk(int[] seq, long at, String desk, String queue) {
        return "{\"eventId\":\"prio-" + (++seq[0]) + "\",\"type\":\"desk_opened\",\"officeId\":\"" + OFFICE
                + "\",\"occurredAt\":\"" + Instant.ofEpochMilli(at) + "\",\"source\":\"it-prio\",\"deskId\":\""
                + desk + "\",\"queueIds\":[\"" + queue + "\"]}";
    }
}
