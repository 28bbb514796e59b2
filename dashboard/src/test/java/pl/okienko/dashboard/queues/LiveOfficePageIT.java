package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.okienko.dashboard.BrowserIntegrationTest;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.HeadlessChromium;

/**
 * The live office page in a real browser: headless Chromium signs in through the form,
 * opens the town office, and sees "waiting now" (Q1) of a queue follow events sent through the HTTP
 * ingestion API, pushed over Server-Sent Events without the page being reloaded; then the Polish page,
 * a priority client passed over (P1), and a promised callback (T4) and an e-mail (E1) that turn overdue
 * on the wall clock with no further event.
 *
 * <p>Uses the system's {@code chromium} and {@code chromedriver} (Debian packages {@code chromium},
 * {@code chromium-driver}), never a downloaded one. Without them the test is skipped, except on CI.
 */
class LiveOfficePageIT extends BrowserIntegrationTest {

    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);
    /** Queues of the town office that no other integration test sends events to. */
    private static final String ENGLISH_QUEUE = "D";
    private static final String POLISH_QUEUE = "C";
    private static final String PRIORITY_QUEUE = "B";
    private static final String PRIORITY_DESK = "D03";
    private static final String SOURCE = "it-browser";

    @Test
    void waitingNowFollowsIngestedEventsWithoutReloading() {
        openTownPage("en");
        assertThat(text("queue-waiting-" + ENGLISH_QUEUE)).isEqualTo("0");
        assertThat(text("live-panel"))
                .contains("Waiting now (Q1)", "Longest wait (Q1)");
        // Survives only as long as this document does: a reload or navigation would drop it.
        markThePage();

        issueTickets(ENGLISH_QUEUE, 3);

        awaitText("queue-waiting-" + ENGLISH_QUEUE, "3");
        assertNotReloaded();
        assertThat(text("queue-desks-open-" + ENGLISH_QUEUE)).isEqualTo("0");
        assertThat(attributeOf("queue-" + ENGLISH_QUEUE, "data-status")).isEqualTo(Display.ATTENTION);
    }

    @Test
    void thePolishPageSpeaksPolishAlsoInItsLiveUpdates() {
        openTownPage("pl");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("pl");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("Urząd", "Wyloguj");
        int before = Integer.parseInt(text("queue-waiting-" + POLISH_QUEUE));
        markThePage();

        issueTickets(POLISH_QUEUE, 2);

        awaitText("queue-waiting-" + POLISH_QUEUE, String.valueOf(before + 2));
        assertNotReloaded();
        assertThat(text("live-panel"))
                .contains("Oczekujący teraz (Q1)", "Najdłuższe oczekiwanie (Q1)", "Czas oczekiwania (Q1)",
                        "Aktywne alarmy", "Ostatnie 15 min")
                .doesNotContain("Waiting now");
        assertThat(text("live-status")).contains("Na żywo");
    }

    @Test
    void aPromisedCallbackTurnsOverdueOnThePageWithNoOtherEvent() {
        openTownPage("en");
        markThePage();
        String callbackId = "it-browser-cb-" + UUID.randomUUID();
        // agreed 10 minutes ago plus 20 s: with the default 10 minutes' grace (T4) it falls due 20 s from now
        Instant agreed = Instant.now().minus(Duration.ofMinutes(10)).plusSeconds(20);
        postTownEvents(townEvent(callbackId, "callback_promised", Instant.now().minusSeconds(30), "\"callbackId\":\"" + callbackId
                + "\",\"callerNumber\":\"+48 501 200 300\",\"dueAt\":\"" + agreed + "\""));

        String row = "callback-T4-" + callbackId;
        awaitTurn(row, "data-status", "DUE_SOON", "OVERDUE");
        assertThat(text(row)).contains("Promised callback", "T4", "overdue");
        assertThat(text("phone-panel")).doesNotContain("501");
    }

    @Test
    void anEmailTurnsOverdueOnThePageWithNoOtherEvent() {
        openTownPage("en");
        markThePage();
        String messageId = "it-browser-mail-" + UUID.randomUUID();
        // a reply agreed with the sender for 20 s from now replaces the 24 h (E1)
        Instant agreed = Instant.now().plusSeconds(20);
        postTownEvents(townEvent(messageId, "email_received", Instant.now().minusSeconds(60), "\"messageId\":\"" + messageId
                + "\",\"mailboxId\":\"M-SEKRETARIAT\",\"senderAddress\":\"jan.kowalski@example.pl\",\"agreedReplyBy\":\""
                + agreed + "\""));

        awaitTurn("email-" + messageId, "data-overdue", "false", "true");
        assertThat(text("email-panel"))
                .doesNotContain("jan.kowalski");
    }

    @Test
    void aPriorityClientPassedOverByARegularClientShowsBypassedOnThePriorityPanel() {
        openTownPage("en");
        markThePage();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String priority = PRIORITY_QUEUE + "-P-" + suffix;
        String regular = PRIORITY_QUEUE + "-R-" + suffix;
        Instant now = Instant.now();
        // an elderly client waits; a desk of the queue calls a regular client who came later: one bypass (P1)
        postTownEvents(
                townEvent(priority + "-issued", "ticket_issued", now.minusSeconds(60),
                        "\"ticketId\":\"" + priority + "\",\"queueId\":\"" + PRIORITY_QUEUE + "\",\"priorityCategory\":\"ELDERLY\""),
                townEvent(regular + "-issued", "ticket_issued", now.minusSeconds(30),
                        "\"ticketId\":\"" + regular + "\",\"queueId\":\"" + PRIORITY_QUEUE + "\",\"priorityCategory\":\"NONE\""),
                townEvent(regular + "-desk-opened", "desk_opened", now.minusSeconds(20),
                        "\"deskId\":\"" + PRIORITY_DESK + "\",\"queueIds\":[\"" + PRIORITY_QUEUE + "\"]"),
                townEvent(regular + "-called", "ticket_called", now.minusSeconds(5),
                        "\"ticketId\":\"" + regular + "\",\"deskId\":\"" + PRIORITY_DESK + "\""),
                townEvent(regular + "-desk-closed", "desk_closed", now.minusSeconds(1),
                        "\"deskId\":\"" + PRIORITY_DESK + "\""));

        awaitText("priority-bypasses-" + priority, "1");
        assertNotReloaded();
        assertThat(text("priority-" + priority)).contains(priority, "Elderly", "Meldunki", "bypassed");
        assertThat(js("return document.querySelector(\"[data-testid='priority-" + priority + "']\").className;"))
                .asString().contains("status-alert");
        assertThat(text("priority-panel")).contains("Priority clients waiting (P1)").doesNotContain(regular);
    }

    /** An event of the town office from this test's source, as the JSON an ingesting system posts. */
    private static String townEvent(String eventId, String type, Instant at, String fields) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"officeId\":\"" + TOWN
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"" + SOURCE + "\"," + fields + "}";
    }

    private void postTownEvents(String... events) {
        HttpResponse<String> response = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", events));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** Signs in as the town's supervisor and opens the town's page in {@code lang}, its live stream open. */
    private void openTownPage(String lang) {
        signIn();
        browser.get(url("/offices/" + TOWN + "?lang=" + lang));
        awaitLiveUpdates();
    }

    /** Marks the page in the browser: the mark lasts through live updates, not through a reload. */
    private void markThePage() {
        js("window.okienkoTestMarker = 'still the same page';");
    }

    /** Waits for the element to turn from {@code before} to {@code after} by live updates alone, with no reload. */
    private void awaitTurn(String testId, String attribute, String before, String after) {
        awaitAttribute(testId, attribute, before, PUSH_WAIT);
        awaitAttribute(testId, attribute, after, PUSH_WAIT);
        assertNotReloaded();
    }

    private void assertNotReloaded() {
        assertThat(js("return window.okienkoTestMarker;")).as("the page was not reloaded").isEqualTo("still the same page");
    }

    private void signIn() {
        signInThroughForm("supervisor", "supervisor-password");
        // a supervisor lands on the region overview, their office's tile among the tiles
        assertThat(browser.getCurrentUrl()).endsWith("/");
        // in one script: a live update may replace the tiles between finding one and reading it
        assertThat(js("return document.querySelector(\"[data-testid='tile-" + TOWN + "']\") !== null;")).isEqualTo(true);
    }

    private void awaitText(String testId, String expected) {
        try {
            new WebDriverWait(browser, PUSH_WAIT).until(d -> expected.equals(text(testId)));
        } catch (RuntimeException e) {
            throw evidence(testId, e);
        }
    }

    private void issueTickets(String queueId, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            lines.add(townEvent(id, "ticket_issued", Instant.now(), "\"ticketId\":\"" + queueId + "-" + id
                    + "\",\"queueId\":\"" + queueId + "\",\"priorityCategory\":\"NONE\""));
        }
        HttpResponse<String> response = postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private String text(String testId) {
        return HeadlessChromium.text(browser, testId);
    }



}
