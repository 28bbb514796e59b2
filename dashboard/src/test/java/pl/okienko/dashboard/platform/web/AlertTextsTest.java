package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.PriorityClientView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.WindowedStats;
import pl.okienko.processors.stats.DurationStats;

/**
 * Alert texts in Polish and English (issue 14): the right kind, CLDR plurals (1, 2, 5, 22), deadlines as
 * they stand now, dates beside times that are not today, directory names, and the figures now beside
 * those raised. Now is Friday 4 December 2026, 11:30 in Warsaw.
 */
class AlertTextsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:30:00Z");
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final OfficeNames NAMES = new OfficeNames(Map.of("WSO", "Wydział Spraw Obywatelskich"),
            Map.of("A", "Dowody osobiste"), Map.of("D06", "Stanowisko 6"), Map.of("L1", "Linia główna"),
            Map.of("M-SEKRETARIAT", "Sekretariat"));

    private final AlertTexts english = new AlertTexts(Locale.ENGLISH, WARSAW, NOW);
    private final AlertTexts polish = new AlertTexts(POLISH, WARSAW, NOW);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1  | 1 client waiting (limit 15)   | 1 osoba czeka (próg 15)",
            "2  | 2 clients waiting (limit 15)  | 2 osoby czekają (próg 15)",
            "5  | 5 clients waiting (limit 15)  | 5 osób czeka (próg 15)",
            "22 | 22 clients waiting (limit 15) | 22 osoby czekają (próg 15)"})
    void shouldCountWaitingClientsByEachLanguagesPluralRules(int waiting, String inEnglish, String inPolish) {
        assertThat(english.text("alertText.queue.waiting", "waiting", waiting, "limit", "15")).isEqualTo(inEnglish);
        assertThat(polish.text("alertText.queue.waiting", "waiting", waiting, "limit", "15")).isEqualTo(inPolish);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0  | not bypassed      | nie pominięty",
            "1  | bypassed once     | pominięty raz",
            "2  | bypassed 2 times  | pominięty 2 razy",
            "5  | bypassed 5 times  | pominięty 5 razy",
            "22 | bypassed 22 times | pominięty 22 razy"})
    void shouldNeverSayBypassedOneTimes(int bypasses, String inEnglish, String inPolish) {
        assertThat(english.text("alertText.bypasses", "bypasses", bypasses)).isEqualTo(inEnglish);
        assertThat(polish.text("alertText.bypasses", "bypasses", bypasses)).isEqualTo(inPolish);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1  | 1 missed call   | 1 nieodebrane połączenie  | 1 incident   | 1 incydent",
            "2  | 2 missed calls  | 2 nieodebrane połączenia  | 2 incidents  | 2 incydenty",
            "5  | 5 missed calls  | 5 nieodebranych połączeń  | 5 incidents  | 5 incydentów",
            "22 | 22 missed calls | 22 nieodebrane połączenia | 22 incidents | 22 incydenty"})
    void shouldCountCallsAndIncidentsByEachLanguagesPluralRules(int count, String calls, String połączenia,
            String incidents, String incydenty) {
        assertThat(english.text("alertText.callback.missed", "missed", count)).isEqualTo(calls);
        assertThat(polish.text("alertText.callback.missed", "missed", count)).isEqualTo(połączenia);
        assertThat(english.text("alertText.hotspot", "incidents", count, "minutes", "30"))
                .isEqualTo(incidents + " of level 2 or more within 30 min");
        assertThat(polish.text("alertText.hotspot", "incidents", count, "minutes", "30"))
                .isEqualTo(incydenty + " poziomu 2 lub wyższego w ciągu 30 min");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // due later today, tomorrow, and days away (Monday is 3 days after Friday)
            "2026-12-04T14:45:00Z | due today 15:45                          | termin dziś 15:45",
            "2026-12-05T08:30:00Z | due tomorrow 09:30                       | termin jutro 09:30",
            "2026-12-06T08:30:00Z | due Sun 6 Dec 09:30 (in 2 days)          | termin niedz. 6 gru 09:30 (za 2 dni)",
            "2026-12-07T08:30:00Z | due Mon 7 Dec 09:30 (in 3 days)          | termin pon. 7 gru 09:30 (za 3 dni)",
            "2026-12-09T08:30:00Z | due Wed 9 Dec 09:30 (in 5 days)          | termin śr. 9 gru 09:30 (za 5 dni)",
            "2026-12-26T08:30:00Z | due Sat 26 Dec 09:30 (in 22 days)        | termin sob. 26 gru 09:30 (za 22 dni)",
            // overdue since earlier today: never "overdue by 0 days"
            "2026-12-04T08:30:00Z | overdue since 09:30                      | po terminie od 09:30",
            "2026-12-03T08:30:00Z | overdue since Thu 3 Dec 09:30 (1 day)    | po terminie od czw. 3 gru 09:30 (1 dzień)",
            "2026-12-02T08:30:00Z | overdue since Wed 2 Dec 09:30 (2 days)   | po terminie od śr. 2 gru 09:30 (2 dni)",
            "2026-11-29T08:30:00Z | overdue since Sun 29 Nov 09:30 (5 days)  | po terminie od niedz. 29 lis 09:30 (5 dni)",
            "2026-11-12T08:30:00Z | overdue since Thu 12 Nov 09:30 (22 days) | po terminie od czw. 12 lis 09:30 (22 dni)"})
    void shouldSayWhenADeadlineFallsAsItStandsNow(String dueAt, String inEnglish, String inPolish) {
        assertThat(english.due(Instant.parse(dueAt))).isEqualTo(inEnglish);
        assertThat(polish.due(Instant.parse(dueAt))).isEqualTo(inPolish);
    }

    @Test
    void shouldShowATimeAloneOnlyWhenItIsToday() {
        assertThat(english.when(Instant.parse("2026-12-04T08:14:00Z"))).isEqualTo("09:14");
        assertThat(english.when(Instant.parse("2026-12-03T15:00:00Z"))).isEqualTo("Thu 3 Dec 16:00");
        assertThat(polish.when(Instant.parse("2026-12-03T15:00:00Z"))).isEqualTo("czw. 3 gru 16:00");
        // 23:30 UTC is already Saturday in Warsaw
        assertThat(english.when(Instant.parse("2026-12-04T23:30:00Z"))).isEqualTo("Sat 5 Dec 00:30");
    }

    @Test
    void shouldNameARequestARequestNotAComplaint() {
        AlertView request = alert("COMPLAINT_DUE_SOON", "C1", Map.of("complaintId", "c-1", "registerNumber", "SKW.1510.7",
                "kind", "REQUEST", "departmentId", "WSO", "dueAt", "2026-12-07T08:30:00Z"));

        AlertLine inEnglish = english.line(request, NAMES, LiveFigures.NONE);
        assertThat(inEnglish.title()).isEqualTo("Request due soon");
        assertThat(inEnglish.place()).isEqualTo(new OfficeNames.Name("Wydział Spraw Obywatelskich", "WSO"));
        assertThat(inEnglish.place().hover()).isEqualTo("WSO");
        assertThat(inEnglish.detail()).isEqualTo("no. SKW.1510.7, due Mon 7 Dec 09:30 (in 3 days)");
        assertThat(inEnglish.severity()).isEqualTo(AlertSeverity.LOW);

        AlertLine inPolish = polish.line(request, NAMES, LiveFigures.NONE);
        assertThat(inPolish.title()).isEqualTo("Wniosek — termin wkrótce");
        assertThat(inPolish.detail()).isEqualTo("nr SKW.1510.7, termin pon. 7 gru 09:30 (za 3 dni)");

        AlertView complaint = alert("COMPLAINT_OVERDUE", "C1", Map.of("registerNumber", "SKW.1510.8", "kind", "COMPLAINT",
                "dueAt", "2026-12-02T08:30:00Z", "extensions", "1"));
        assertThat(english.line(complaint, NAMES, LiveFigures.NONE).title()).isEqualTo("Complaint overdue");
        assertThat(english.line(complaint, NAMES, LiveFigures.NONE).detail())
                .isEqualTo("no. SKW.1510.8, deadline extended once, overdue since Wed 2 Dec 09:30 (2 days)");
        assertThat(polish.line(complaint, NAMES, LiveFigures.NONE).detail())
                .isEqualTo("nr SKW.1510.8, termin przedłużony raz, po terminie od śr. 2 gru 09:30 (2 dni)");
    }

    @Test
    void shouldShowTheQueueNowBesideTheFiguresItWasRaisedWith() {
        AlertView queue = alert("QUEUE_EXCESSIVE", "Q2", Map.of("queueId", "A", "waiting", "16",
                "longestWaitSeconds", "1330", "waitingLimit", "15", "longestWaitLimitSeconds", "1200"));
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        LiveFigures live = new LiveFigures(Map.of("A", new QueueLiveView("A", "Dowody osobiste", "WSO", 19, 1503, 1, 0,
                none, none, java.util.List.of())), Map.of());

        AlertLine inEnglish = english.line(queue, NAMES, live);
        assertThat(inEnglish.title()).isEqualTo("Excessive queue");
        assertThat(inEnglish.place().text()).isEqualTo("Dowody osobiste");
        assertThat(inEnglish.detail()).isEqualTo("16 clients waiting (limit 15), longest wait 22:10 (limit 20:00)");
        assertThat(inEnglish.current()).isEqualTo("19 waiting, longest wait 25:03");
        assertThat(inEnglish.severity()).isEqualTo(AlertSeverity.MEDIUM);

        AlertLine inPolish = polish.line(queue, NAMES, live);
        assertThat(inPolish.detail()).isEqualTo("16 osób czeka (próg 15), najdłuższe oczekiwanie 22:10 (próg 20:00)");
        assertThat(inPolish.current()).isEqualTo("19 osób czeka, najdłuższe oczekiwanie 25:03");

        assertThat(english.line(queue, NAMES, LiveFigures.NONE).current()).as("no live figure known").isNull();
    }

    @Test
    void shouldShowAPriorityClientsWaitNowAndNewBypasses() {
        AlertView priority = alert("PRIORITY_WAITING", "P1", Map.of("ticketId", "A017", "queueId", "A",
                "category", "ELDERLY", "waitSeconds", "370", "bypasses", "1", "targetSeconds", "300"));
        LiveFigures live = new LiveFigures(Map.of(), Map.of("A017", new PriorityClientView("A017", "A", "Dowody osobiste",
                "ELDERLY", 492, 2, false, 300, true, true)));

        AlertLine inEnglish = english.line(priority, NAMES, live);
        assertThat(inEnglish.detail()).isEqualTo("ticket A017 (Elderly), waiting 6:10, bypassed once");
        assertThat(inEnglish.current()).isEqualTo("waiting 8:12, bypassed 2 times");
        assertThat(inEnglish.severity()).isEqualTo(AlertSeverity.HIGH);
        AlertLine inPolish = polish.line(priority, NAMES, live);
        assertThat(inPolish.detail()).isEqualTo("bilet A017 (Osoba starsza), czeka 6:10, pominięty raz");
        assertThat(inPolish.current()).isEqualTo("czeka 8:12, pominięty 2 razy");
    }

    @Test
    void shouldNameTheLineAndMailboxOfDeadlinesPassedOnTheClock() {
        AlertView callback = alert("CALLBACK_OVERDUE", "T3", Map.of("kind", "MISSED_CALL", "missedCalls", "5",
                "lineId", "L1", "dueAt", "2026-12-04T09:10:00Z"));
        AlertLine call = english.line(callback, NAMES, LiveFigures.NONE);
        assertThat(call.place().text()).isEqualTo("Linia główna");
        assertThat(call.detail()).isEqualTo("Missed call, 5 missed calls, overdue since 10:10");
        assertThat(polish.line(callback, NAMES, LiveFigures.NONE).detail())
                .isEqualTo("Nieodebrane połączenie, 5 nieodebranych połączeń, po terminie od 10:10");

        AlertView email = alert("EMAIL_OVERDUE", "E1", Map.of("messageId", "m-17", "mailboxId", "M-SEKRETARIAT",
                "receivedAt", "2026-12-03T08:00:00Z", "dueAt", "2026-12-04T08:00:00Z", "holdingReplies", "2"));
        AlertLine mail = english.line(email, NAMES, LiveFigures.NONE);
        assertThat(mail.place()).isEqualTo(new OfficeNames.Name("Sekretariat", "M-SEKRETARIAT"));
        assertThat(mail.detail()).isEqualTo("received Thu 3 Dec 09:00, 2 holding replies sent, overdue since 09:00")
                .doesNotContain("m-17");
        assertThat(polish.line(email, NAMES, LiveFigures.NONE).detail())
                .isEqualTo("otrzymany czw. 3 gru 09:00, wysłano 2 odpowiedzi wstępne, po terminie od 09:00");
    }

    @Test
    void shouldNameAnUnnamedUnitByItsKindAndId() {
        AlertView email = alert("EMAIL_OVERDUE", "E1", Map.of("mailboxId", "M-X", "dueAt", "2026-12-04T08:00:00Z"));
        assertThat(english.line(email, NAMES, LiveFigures.NONE).place()).isEqualTo(new OfficeNames.Name("mailbox M-X", null));
        assertThat(polish.line(email, NAMES, LiveFigures.NONE).place().text()).isEqualTo("skrzynka M-X");
    }

    @Test
    void shouldDescribeAPanicButtonAtANamedDesk() {
        AlertView panic = alert("INCIDENT", "I1", Map.of("level", "3", "panic", "true", "deskId", "D06",
                "escalation", "SECURITY", "reraises", "2"));
        AlertLine inEnglish = english.line(panic, NAMES, LiveFigures.NONE);
        assertThat(inEnglish.title()).isEqualTo("Panic button");
        assertThat(inEnglish.place()).isEqualTo(new OfficeNames.Name("Stanowisko 6", "D06"));
        assertThat(inEnglish.detail()).isEqualTo("level 3, security called, raised again 2 times");
        assertThat(inEnglish.severity()).isEqualTo(AlertSeverity.CRITICAL);
        AlertLine inPolish = polish.line(panic, NAMES, LiveFigures.NONE);
        assertThat(inPolish.title()).isEqualTo("Przycisk napadowy");
        assertThat(inPolish.detail()).isEqualTo("poziom 3, wezwano ochronę, ponowiony 2 razy");
    }

    @Test
    void shouldSaySinceWhenAndWhoAcknowledged() {
        AlertView acknowledged = new AlertView("Q2:UM-JED:A", "QUEUE_EXCESSIVE", "Q2", "ACKNOWLEDGED", "UM-JED", "queue", "A",
                Instant.parse("2026-12-03T15:00:00Z"), NOW, "m", Map.of("queueId", "A"), "anna",
                Instant.parse("2026-12-04T10:20:00Z"));
        AlertLine inEnglish = english.line(acknowledged, NAMES, LiveFigures.NONE);
        assertThat(inEnglish.since()).isEqualTo("since Thu 3 Dec 16:00");
        assertThat(inEnglish.acknowledgement()).isEqualTo("acknowledged by anna, 11:20");
        AlertLine inPolish = polish.line(acknowledged, NAMES, LiveFigures.NONE);
        assertThat(inPolish.since()).isEqualTo("od czw. 3 gru 16:00");
        assertThat(inPolish.acknowledgement()).isEqualTo("potwierdzony przez anna, 11:20");
    }

    private static AlertView alert(String type, String rule, Map<String, String> details) {
        return new AlertView(type + ":UM-JED:x", type, rule, "RAISED", "UM-JED", "x", "x", NOW, NOW, "ENGLISH MESSAGE",
                details, null);
    }
}
