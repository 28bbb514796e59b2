package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;

/**
 * A scripted office day for the acceptance tests: tickets with known waits and service times,
 * written as flat JSON events, and the expected Q1 figures computed here, independently of
 * Okienko's code (plain sorting and arithmetic).
 */
final class ScriptedDay {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    record Event(Instant at, String json) {
    }

    /** Expected figures of one set of durations, in seconds. */
    record Expected(long count, double mean, double p50, double p90, double max) {

        static Expected of(List<Long> millis) {
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            double mean = Arrays.stream(sorted).sum() / 1000.0 / sorted.length;
            return new Expected(sorted.length, mean, nearestRank(sorted, 0.5) / 1000.0,
                    nearestRank(sorted, 0.9) / 1000.0, sorted[sorted.length - 1] / 1000.0);
        }

        /** The API's figures of these durations ({@code count}, {@code meanSeconds}, {@code maxSeconds}) are these. */
        void assertShownIn(JsonNode figures) {
            assertThat(figures.path("count").asLong()).isEqualTo(count);
            assertThat(figures.path("meanSeconds").asDouble()).isCloseTo(mean, within(1e-6));
            assertThat(figures.path("maxSeconds").asDouble()).isEqualTo(max);
        }

        private static long nearestRank(long[] sorted, double q) {
            return sorted[(int) Math.max(1, Math.ceil(q * sorted.length)) - 1];
        }
    }

    final String officeId;
    final List<Event> events = new ArrayList<>();
    final Map<String, List<Long>> waits = new LinkedHashMap<>();
    final Map<String, List<Long>> services = new LinkedHashMap<>();
    private int sequence;

    private ScriptedDay(String officeId) {
        this.officeId = officeId;
    }

    /**
     * A day of {@code ticketsPerQueue} tickets in each queue between 08:00 and 15:00 office time;
     * one ticket in ten is cancelled while waiting (no wait, no service).
     */
    static ScriptedDay of(String officeId, LocalDate date, List<String> queues, int ticketsPerQueue, long seed) {
        ScriptedDay day = new ScriptedDay(officeId);
        SplittableRandom random = new SplittableRandom(seed);
        Instant opening = date.atTime(LocalTime.of(8, 0)).atZone(WARSAW).toInstant();
        for (String queue : queues) {
            day.waits.put(queue, new ArrayList<>());
            day.services.put(queue, new ArrayList<>());
            for (int i = 1; i <= ticketsPerQueue; i++) {
                String ticket = queue + i;
                Instant issued = opening.plusMillis(random.nextLong(7 * 3_600_000L));
                day.add(issued, "ticket_issued", ticket, "\"queueId\":\"" + queue + "\",\"priorityCategory\":\"NONE\"");
                if (i % 10 == 0) {
                    day.add(issued.plusSeconds(90), "ticket_cancelled", ticket, null);
                    continue;
                }
                long wait = 1_000 + random.nextLong(40 * 60_000L);
                long service = 30_000 + random.nextLong(20 * 60_000L);
                Instant called = issued.plusMillis(wait);
                Instant started = called.plusMillis(15_000);
                Instant ended = started.plusMillis(service);
                day.add(called, "ticket_called", ticket, "\"deskId\":\"D" + (1 + i % 3) + "\"");
                day.add(started, "service_started", ticket, null);
                day.add(ended, "service_ended", ticket, "\"outcome\":\"RESOLVED\"");
                day.waits.get(queue).add(wait);
                day.services.get(queue).add(service);
            }
        }
        day.events.sort(Comparator.comparing(Event::at));
        return day;
    }

    List<String> lines() {
        return events.stream().map(Event::json).toList();
    }

    Expected expectedWait(String queue) {
        return Expected.of(waits.get(queue));
    }

    Expected expectedService(String queue) {
        return Expected.of(services.get(queue));
    }

    Expected expectedOfficeWait() {
        return Expected.of(waits.values().stream().flatMap(List::stream).toList());
    }

    Expected expectedOfficeService() {
        return Expected.of(services.values().stream().flatMap(List::stream).toList());
    }

    private void add(Instant at, String type, String ticket, String extra) {
        String json = "{\"eventId\":\"" + officeId + "-" + (++sequence) + "\",\"type\":\"" + type
                + "\",\"officeId\":\"" + officeId + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-script\""
                + ",\"ticketId\":\"" + ticket + "\"" + (extra == null ? "" : "," + extra) + "}";
        events.add(new Event(at, json));
    }
}
