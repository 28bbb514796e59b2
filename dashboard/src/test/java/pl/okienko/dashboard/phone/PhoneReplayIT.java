package pl.okienko.dashboard.phone;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.schemas.EventJson;
import pl.okienko.simulator.phone.PhoneDay;
import pl.okienko.simulator.phone.PhonePlan;

/**
 * Acceptance (T1–T4, I2): three weeks of a phone system's call records, replayed over HTTP at full
 * speed, give through {@code ?date=} for every day exactly the figures computed here, independently,
 * from the same records: offered, answered within three rings (or 15 s), later, unanswered by reason,
 * ended for abuse, the means of answer and talk time, and the callback obligations kept on time.
 *
 * <p>The office is in the directory with a name only, so the defaults apply: Europe/Warsaw, Monday to Friday
 * 08:00–16:00, three rings, 15 s, callbacks within two business hours, ten minutes' grace. The
 * weeks hold no public holiday.
 */
class PhoneReplayIT extends IntegrationTest {

    private static final String OFFICE = "IT-PHONE-WEEKS";
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final LocalDate FIRST = LocalDate.of(2025, 2, 3);
    private static final int WEEKS = 3;
    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void shouldGiveEveryDaysFiguresOfAReplayOfThreeWeeks() throws Exception {
        Map<LocalDate, List<PhoneEvent>> days = new LinkedHashMap<>();
        for (LocalDate d = FIRST; d.isBefore(FIRST.plusWeeks(WEEKS)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant opens = d.atTime(8, 0).atZone(WARSAW).toInstant();
            Instant closes = d.atTime(16, 0).atZone(WARSAW).toInstant();
            days.put(d, PhoneDay.generate(OFFICE, List.of("L-1", "L-2"), opens, closes, d.toEpochDay(),
                    PhonePlan.businessDay(), d.toString().replace("-", "")));
        }
        for (List<PhoneEvent> day : days.values()) {
            StringBuilder ndjson = new StringBuilder();
            day.forEach(e -> ndjson.append(EventJson.encodeToString(e)).append('\n'));
            HttpResponse<String> response = postEvents(ANY_KEY, "application/x-ndjson", ndjson.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        Map<LocalDate, Expected> expected = expect(days);
        LocalDate last = FIRST.plusWeeks(WEEKS).minusDays(3);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                phone(last).path("office").path("offered").asLong()).isEqualTo(expected.get(last).offered));
        // the callbacks of the last day are met by the last events of the replay
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                callbacks(last).path("summary").path("metOnTime").asLong()).isEqualTo(expected.get(last).metOnTime));

        assertThat(expected).hasSize(15);
        for (Map.Entry<LocalDate, Expected> entry : expected.entrySet()) {
            JsonNode office = phone(entry.getKey()).path("office");
            Expected e = entry.getValue();
            String day = entry.getKey().toString();
            assertThat(office.path("offered").asLong()).as(day).isEqualTo(e.offered);
            assertThat(office.path("answeredWithinTarget").asLong()).as(day).isEqualTo(e.within);
            assertThat(office.path("answeredLater").asLong()).as(day).isEqualTo(e.later);
            assertThat(office.path("abandoned").asLong()).as(day).isEqualTo(e.abandoned);
            assertThat(office.path("noAnswer").asLong()).as(day).isEqualTo(e.noAnswer);
            assertThat(office.path("busy").asLong()).as(day).isEqualTo(e.busy);
            assertThat(office.path("endedForAbuse").asLong()).as(day).isEqualTo(e.abuse);
            assertThat(office.path("averageSpeedOfAnswerSeconds").asDouble()).as(day)
                    .isCloseTo(e.answerSeconds / (e.within + e.later), within(0.01));
            assertThat(office.path("meanTalkSeconds").asDouble()).as(day).isCloseTo(e.talkSeconds / e.talks, within(0.01));
            JsonNode summary = callbacks(entry.getKey()).path("summary");
            assertThat(summary.path("dueThatDay").asLong()).as(day).isEqualTo(e.due);
            assertThat(summary.path("metOnTime").asLong()).as(day).isEqualTo(e.metOnTime);
            assertThat(summary.path("metLate").asLong()).as(day).isEqualTo(e.metLate);
        }
        assertThat(expected.values().stream().mapToLong(e -> e.metLate).sum()).isPositive();
        assertThat(expected.values().stream().mapToLong(e -> e.abandoned).sum()).isPositive();
    }

    /** The figures of every day, computed from the records with no code of the application. */
    private static Map<LocalDate, Expected> expect(Map<LocalDate, List<PhoneEvent>> days) {
        Map<LocalDate, Expected> result = new LinkedHashMap<>();
        days.keySet().forEach(d -> result.put(d, new Expected()));
        List<PhoneEvent> all = new ArrayList<>();
        days.values().forEach(all::addAll);
        Map<String, Instant> offeredAt = new HashMap<>();
        Map<String, String> numberOf = new HashMap<>();
        Map<String, Instant> answeredAt = new HashMap<>();
        // open obligations by number: their due times (one per number for missed calls, one per promise)
        Map<String, List<Instant[]>> open = new HashMap<>();
        Map<String, Instant> missedOpenByNumber = new HashMap<>();
        for (PhoneEvent event : all) {
            Instant at = event.getOccurredAt();
            Object p = event.getPayload();
            if (p instanceof CallOffered o) {
                offeredAt.put(o.getCallId(), at);
                numberOf.put(o.getCallId(), digits(o.getCallerNumber()));
                day(result, at).offered++;
            } else if (p instanceof CallAnswered a) {
                Instant offer = offeredAt.get(a.getCallId());
                long delay = Duration.between(offer, at).toMillis();
                boolean within = a.getRings() != null ? a.getRings() <= 3 : delay <= 15_000;
                Expected e = day(result, offer);
                if (within) {
                    e.within++;
                } else {
                    e.later++;
                }
                e.answerSeconds += delay / 1000.0;
                answeredAt.put(a.getCallId(), at);
                meet(numberOf.get(a.getCallId()), at, open, missedOpenByNumber, result);
            } else if (p instanceof CallUnanswered u) {
                Expected e = day(result, offeredAt.get(u.getCallId()));
                switch (u.getReason()) {
                    case ABANDONED -> e.abandoned++;
                    case BUSY -> e.busy++;
                    default -> e.noAnswer++;
                }
                String number = numberOf.get(u.getCallId());
                if (number != null && !missedOpenByNumber.containsKey(number)) {
                    Instant due = plusTwoBusinessHours(at);
                    missedOpenByNumber.put(number, due);
                    open.computeIfAbsent(number, k -> new ArrayList<>()).add(new Instant[] {at, due});
                }
            } else if (p instanceof CallEnded c) {
                Expected e = day(result, offeredAt.get(c.getCallId()));
                e.talks++;
                e.talkSeconds += Duration.between(answeredAt.get(c.getCallId()), at).toMillis() / 1000.0;
                e.abuse += c.getEndedForAbuse() ? 1 : 0;
            } else if (p instanceof CallbackPromised cb) {
                open.computeIfAbsent(digits(cb.getCallerNumber()), k -> new ArrayList<>())
                        .add(new Instant[] {at, cb.getDueAt().plus(Duration.ofMinutes(10))});
            } else if (p instanceof OutboundCall out) {
                meet(digits(out.getCalleeNumber()), at, open, missedOpenByNumber, result);
            }
        }
        // obligations still open count as due on their day, neither on time nor late
        open.values().forEach(list -> list.forEach(o -> {
            Expected e = result.get(o[1].atZone(WARSAW).toLocalDate());
            if (e != null) {
                e.due++;
            }
        }));
        return result;
    }

    private static void meet(String number, Instant at, Map<String, List<Instant[]>> open,
            Map<String, Instant> missedOpenByNumber, Map<LocalDate, Expected> result) {
        if (number == null || !open.containsKey(number)) {
            return;
        }
        List<Instant[]> still = new ArrayList<>();
        for (Instant[] o : open.get(number)) {
            if (at.isBefore(o[0])) {
                still.add(o);
                continue;
            }
            Expected e = result.get(o[1].atZone(WARSAW).toLocalDate());
            if (e != null) {
                e.due++;
                if (at.isAfter(o[1])) {
                    e.metLate++;
                } else {
                    e.metOnTime++;
                }
            }
        }
        missedOpenByNumber.remove(number);
        if (still.isEmpty()) {
            open.remove(number);
        } else {
            open.put(number, still);
        }
    }

    /** Two hours counted only Monday to Friday 08:00–16:00 (no holiday in the replayed weeks). */
    private static Instant plusTwoBusinessHours(Instant start) {
        long left = Duration.ofHours(2).toMillis();
        var cursor = start.atZone(WARSAW);
        while (true) {
            boolean weekday = cursor.getDayOfWeek() != DayOfWeek.SATURDAY && cursor.getDayOfWeek() != DayOfWeek.SUNDAY;
            var opens = cursor.toLocalDate().atTime(LocalTime.of(8, 0)).atZone(WARSAW);
            var closes = cursor.toLocalDate().atTime(LocalTime.of(16, 0)).atZone(WARSAW);
            if (weekday && cursor.isBefore(closes)) {
                var from = cursor.isBefore(opens) ? opens : cursor;
                long available = Duration.between(from, closes).toMillis();
                if (available >= left) {
                    return from.plus(Duration.ofMillis(left)).toInstant();
                }
                left -= available;
            }
            cursor = cursor.toLocalDate().plusDays(1).atStartOfDay(WARSAW);
        }
    }

    /** The number as the exchange's formats all mean it: its last nine digits (all are Polish here). */
    private static String digits(String number) {
        if (number == null) {
            return null;
        }
        String d = number.replaceAll("[^0-9]", "");
        return d.substring(d.length() - 9);
    }

    private static Expected day(Map<LocalDate, Expected> result, Instant at) {
        return result.get(at.atZone(WARSAW).toLocalDate());
    }

    private JsonNode phone(LocalDate date) throws Exception {
        return read("/api/v1/offices/" + OFFICE + "/phone?date=" + date);
    }

    private JsonNode callbacks(LocalDate date) throws Exception {
        return read("/api/v1/offices/" + OFFICE + "/callbacks?state=all&date=" + date);
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = get(path, "admin", "admin-password");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static final class Expected {
        long offered;
        long within;
        long later;
        long abandoned;
        long noAnswer;
        long busy;
        long abuse;
        double answerSeconds;
        long talks;
        double talkSeconds;
        long due;
        long metOnTime;
        long metLate;
    }
}
