package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pl.okienko.dashboard.queues.DayReportPage.cells;

import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.platform.web.Display;

/**
 * The day report page end to end: one past day of a fresh office posted over HTTP (queue with
 * priority tickets, phone calls and a callback, e-mails, complaints, an incident), and once the
 * API shows them all, the page at {@code /offices/{id}/days/{date}} shows the figures worked out
 * here from the script, in English and in Polish.
 */
class DayReportPageIT extends IntegrationTest {

    private static final String OFFICE = "IT-DAY-REPORT";
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Display FMT = new Display();
    /** Two weeks back: a past day, and deadlines passed long enough ago that the replay raises no alert. */
    private static final LocalDate DAY = LocalDate.now(WARSAW).minusDays(14);

    private static final Pattern SCRIPT_LINE = Pattern.compile("(?:\\+(\\d+)d\\s+)?(\\d\\d:\\d\\d:\\d\\d)\\s+(\\w+)\\s+(.*)");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\{(\\d\\d:\\d\\d:\\d\\d)}");

    private final List<String> lines = new ArrayList<>();
    private int sequence;

    @Test
    void shouldShowTheWholeReportOfAPastDayWithTheFiguresOfItsEvents() {
        events("""
                # queue A: R1 regular, P1 elderly bypassed by R1's call, P2 pregnant served in a minute
                08:55:00      desk_opened            "deskId":"D1","queueIds":["A"]
                09:00:00      ticket_issued          "ticketId":"R1","queueId":"A","priorityCategory":"NONE"
                09:01:00      ticket_issued          "ticketId":"P1","queueId":"A","priorityCategory":"ELDERLY"
                09:01:30      priority_offered       "ticketId":"P1","accepted":true
                09:02:00      ticket_called          "ticketId":"R1","deskId":"D1"
                09:02:10      service_started        "ticketId":"R1","deskId":"D1"
                09:03:50      service_ended          "ticketId":"R1","outcome":"FOLLOW_UP"
                09:04:00      ticket_called          "ticketId":"P1","deskId":"D1"
                09:04:10      service_started        "ticketId":"P1","deskId":"D1"
                09:05:00      service_paused         "ticketId":"P1","announcedMinutes":2
                09:08:00      service_resumed        "ticketId":"P1"
                09:10:00      service_ended          "ticketId":"P1","outcome":"RESOLVED"
                09:20:00      ticket_issued          "ticketId":"P2","queueId":"A","priorityCategory":"PREGNANT"
                09:20:10      priority_offered       "ticketId":"P2","accepted":true
                09:21:00      ticket_called          "ticketId":"P2","deskId":"D1"
                09:21:10      service_started        "ticketId":"P2","deskId":"D1"
                09:25:00      service_ended          "ticketId":"P2","outcome":"REDIRECTED"
                # line L1: c1 by ring 2, c2 abandoned, c3 by ring 5 and ended for abuse; a callback promised on c1, kept
                09:00:00      call_offered           "callId":"c1","lineId":"L1","callerNumber":"+48 501 222 333"
                09:00:05      call_answered          "callId":"c1","rings":2
                09:03:00      callback_promised      "callbackId":"cb1","callId":"c1","callerNumber":"+48 501 222 333","dueAt":"{11:30:00}"
                09:03:05      call_ended             "callId":"c1","endedForAbuse":false
                09:10:00      call_offered           "callId":"c2","lineId":"L1"
                09:10:20      call_unanswered        "callId":"c2","reason":"ABANDONED"
                09:30:00      call_offered           "callId":"c3","lineId":"L1"
                09:30:25      call_answered          "callId":"c3","rings":5
                09:31:25      call_ended             "callId":"c3","endedForAbuse":true
                11:35:00      outbound_call          "callId":"o1","lineId":"L1","calleeNumber":"501222333","connected":true
                # mailbox M1: e1 replied in an hour; e2 with a read receipt in 5 minutes, replied two days later
                09:00:00      email_received         "messageId":"e1","mailboxId":"M1","senderAddress":"a@example.pl"
                10:00:00      email_replied          "messageId":"e1"
                09:30:00      email_received         "messageId":"e2","mailboxId":"M1","senderAddress":"b@example.pl","readReceiptRequested":true
                09:35:00      read_receipt_sent      "messageId":"e2"
                +2d 10:00:00  email_replied          "messageId":"e2"
                # the register: a complaint answered two days later, a request still open
                10:00:00      complaint_registered   "complaintId":"k1","kind":"COMPLAINT","registerNumber":"SKW.1510.1"
                +2d 10:00:00  complaint_answered     "complaintId":"k1"
                11:00:00      complaint_registered   "complaintId":"k2","kind":"REQUEST","registerNumber":"WNS.1520.2"
                # desk D1: a level 2 incident, acknowledged after a minute, resolved after five
                10:00:00      incident_reported      "incidentId":"i1","deskId":"D1","level":2,"channel":"IN_PERSON"
                10:01:00      incident_acknowledged  "incidentId":"i1","by":"kierownik"
                10:05:00      incident_resolved      "incidentId":"i1","outcome":"CALMED"
                """);

        HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        awaitEveryConcernCounted();

        PageSession admin = PageSession.signIn(port, "admin", "admin-password");
        HttpResponse<String> english = admin.get("/offices/" + OFFICE + "/days/" + DAY + "?lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        String html = english.body();

        assertThat(html).contains("day report: " + DAY.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)));
        assertThat(html).contains("rel=\"prev\"", "rel=\"next\"", "Back to the live view").doesNotContain("day-empty");

        // Q1: waits R1 120 s, P1 180 s, P2 60 s; services 100 s, 350 s (a pause included), 230 s
        List<String> queue = cells(html, "day-queue-A");
        assertThat(queue.get(0)).isEqualTo("A A");
        assertThat(exact(queue, 1)).containsExactly("3", FMT.duration(mean(120, 180, 60)), FMT.duration(180.0));
        assertThat(exact(queue, 6)).containsExactly("3", FMT.duration(mean(100, 350, 230)), FMT.duration(350.0));
        // P1: two entitled clients; P2 served with no bypass within 5 min, P1 bypassed once by R1's call
        assertThat(cells(html, "day-priority-A")).containsExactly("A", "Elderly: 1, Pregnant: 1", "2", "2", "0", "2",
                "1 (" + percent(1, 2, Locale.ENGLISH) + ")", "1", "1", "0");
        List<String> priorityWait = cells(html, "day-priority-wait-office");
        assertThat(exact(priorityWait, 1)).containsExactly("2", FMT.duration(mean(180, 60)), FMT.duration(180.0));
        assertThat(priorityWait).startsWith("Whole office").endsWith("Elderly: 100%, Pregnant: 0%");
        // Q3: R1 was the first regular ticket; Q4: one outcome of each kind; Q5: a 2-minute pause that took 3
        String third = " (" + percent(1, 3, Locale.ENGLISH) + ")";
        assertThat(cells(html, "day-order-office")).containsExactly("Whole office", "1", "0 (0%)", "3", "1" + third,
                "1" + third, "1" + third, "0", "0.00", "1", "1", "1 (100%)");
        // T1, T2, I2: answers in 5 s and 25 s, talks of 180 s and 60 s; T3/T4: the promise kept at 11:35, due 11:40
        assertThat(cells(html, "phone-line-L1")).containsExactly("L1", "3", "1", "1", "1", "1", "0", "0",
                percent(1, 3, Locale.ENGLISH), percent(1, 3, Locale.ENGLISH), FMT.duration(mean(5, 25)),
                FMT.duration(mean(180, 60)), "1");
        assertThat(cells(html, "day-callbacks")).containsExactly("1", "1", "0", "0", "100%", "1", "1");
        // E1: e1 within 24 h, e2 late; E2: e2's receipt after 300 s
        assertThat(cells(html, "day-email-M1")).containsExactly("M1", "2", "1", "0", "1", "0",
                percent(1, 2, Locale.ENGLISH), "0", "1", "1", "0", "0", "0");
        assertThat(cells(html, "day-receipts-M1")).containsExactly("M1", "1", "1", "0", "0", "1",
                FMT.duration(300.0), FMT.duration(300.0), FMT.duration(300.0), FMT.duration(300.0));
        // C1: k1 answered within its month, k2 open
        assertThat(cells(html, "day-complaints-office")).containsExactly("Whole office", "2", "1", "1", "1", "0", "100%",
                "0", "0", "0", "1", "0", "0");
        assertThat(html).contains("data-testid=\"complaint-k2\"", "Request WNS.1520.2");
        // I1: one level 2 incident at desk D1
        assertThat(cells(html, "day-incidents-desk-D1")).containsExactly("desk D1", "1", "0", "1", "0", "0", "0", "0", "0");
        assertThat(cells(html, "day-incident-times-office")).containsExactly("Whole office", "1",
                FMT.duration(60.0), FMT.duration(60.0), FMT.duration(60.0), FMT.duration(60.0), "1",
                FMT.duration(300.0), FMT.duration(300.0), FMT.duration(300.0), FMT.duration(300.0));

        String polish = admin.get("/offices/" + OFFICE + "/days/" + DAY + "?lang=pl").body();
        assertThat(polish).contains("raport dnia: "
                + DAY.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("pl"))));
        assertThat(polish).contains("Obsługa poza kolejnością i kolejność obsługi (P1, P2, Q3, Q4, Q5)",
                "Telefon (T1–T4, I2)", "Skargi i wnioski (C1, E3)", "Incydenty (I1)", "Wniosek WNS.1520.2");
        assertThat(cells(polish, "day-priority-A")).startsWith("A", "Osoba starsza: 1, Kobieta w ciąży: 1");
        assertThat(cells(polish, "phone-office")).startsWith("Cały urząd", "3", "1", "1", "1");
    }

    @Test
    void shouldSayInOneSentenceThatNothingWasRecordedOnADayWithoutData() {
        PageSession admin = PageSession.signIn(port, "admin", "admin-password");
        String html = admin.get("/offices/" + TOWN + "/days/" + LocalDate.now(WARSAW).minusYears(20) + "?lang=en").body();

        assertThat(html).contains("data-testid=\"day-empty\"", "Nothing was recorded for this office on this day.")
                .doesNotContain("<table");
    }

    private void awaitEveryConcernCounted() {
        String day = "?date=" + DAY;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode priority = json("/api/v1/offices/" + OFFICE + "/priority" + day).path("office");
            assertThat(priority.path("outcomes").path("ended").asLong()).isEqualTo(3);
            assertThat(priority.path("pauses").path("overrun").asLong()).isEqualTo(1);
            assertThat(json("/api/v1/offices/" + OFFICE + "/phone" + day).path("office").path("endedForAbuse").asLong())
                    .isEqualTo(1);
            assertThat(json("/api/v1/offices/" + OFFICE + "/callbacks?state=all&date=" + DAY).path("summary")
                    .path("metOnTime").asLong()).isEqualTo(1);
            assertThat(json("/api/v1/offices/" + OFFICE + "/email" + day).path("office").path("respondedLate").asLong())
                    .isEqualTo(1);
            JsonNode complaints = json("/api/v1/offices/" + OFFICE + "/complaints" + day).path("office");
            assertThat(complaints.path("registered").asLong()).isEqualTo(2);
            assertThat(complaints.path("answeredOnTime").asLong()).isEqualTo(1);
            assertThat(json("/api/v1/offices/" + OFFICE + "/incidents" + day).path("office").path("timeToResolve")
                    .path("count").asLong()).isEqualTo(1);
        });
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = get(path, "admin", "admin-password");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return jsonBody(response);
    }

    /**
     * Count, mean and max of the five statistics cells from {@code first}: exact in the views, while
     * p50 and p90 come from a sketch (within 1%), so a second either way can show.
     */
    private static List<String> exact(List<String> cells, int first) {
        return List.of(cells.get(first), cells.get(first + 1), cells.get(first + 4));
    }

    /**
     * Adds the events of a script, one a line: "HH:mm:ss type fields" on the day, "+Nd HH:mm:ss type fields" N days
     * later; "{HH:mm:ss}" in the fields stands for that time of the day as an instant; "#" starts a comment.
     */
    private void events(String script) {
        for (String line : script.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            Matcher event = SCRIPT_LINE.matcher(line);
            assertThat(event.matches()).as("script line " + line).isTrue();
            LocalDate date = event.group(1) == null ? DAY : DAY.plusDays(Integer.parseInt(event.group(1)));
            String fields = TIME_OF_DAY.matcher(event.group(4))
                    .replaceAll(time -> Matcher.quoteReplacement(at(DAY, time.group(1)).toString()));
            lines.add("{\"eventId\":\"day-report-" + (++sequence) + "\",\"type\":\"" + event.group(3) + "\",\"officeId\":\""
                    + OFFICE + "\",\"occurredAt\":\"" + at(date, event.group(2)) + "\",\"source\":\"it-day-report\"," + fields + "}");
        }
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(WARSAW).toInstant();
    }

    private static double mean(double... seconds) {
        double sum = 0;
        for (double s : seconds) {
            sum += s;
        }
        return sum / seconds.length;
    }

    private static String percent(long part, long whole, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format((double) part / whole);
    }
}
