package pl.okienko.dashboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.okienko.dashboard.BrowserIntegrationTest;
import pl.okienko.dashboard.platform.web.HeadlessChromium;

/**
 * The security console in a real browser (I1 acceptance): a guard signs in, an
 * incident is posted to the ingestion API, its alert appears without a reload and sounds the alarm,
 * the guard acknowledges it, and the supervisor's office page shows who acknowledged.
 *
 * <p>Uses the system's {@code chromium} and {@code chromedriver}; without them the test is skipped,
 * except on CI.
 */
class SecurityConsolePageIT extends BrowserIntegrationTest {

    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);

    @Test
    void aGuardSeesTheAlertWithoutReloadAcknowledgesItAndTheSupervisorSeesWho() {
        browser.manage().deleteAllCookies();
        browser.get(url("/security?lang=en"));
        signIn("guard", "guard-password");
        assertThat(browser.getCurrentUrl()).contains("/security");
        assertThat(browser.findElements(By.cssSelector("[data-testid='nav-security']"))).as("console link for a guard")
                .hasSize(1);
        awaitLiveStream();
        js("window.okienkoTestMarker = 'still the same page';");

        String incidentId = unique("threat");
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/json", IncidentApiIT.incidentEvent(TOWN,
                "incident_reported", incidentId, Instant.now(), "\"deskId\":\"S3\",\"level\":3,\"channel\":\"IN_PERSON\""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        await("incident-alert-" + incidentId);
        assertThat(js("return window.okienkoTestMarker;")).isEqualTo("still the same page");
        // read afresh: a live update may have replaced the element since it was found
        assertThat(text(browser, "incident-alert-" + incidentId)).contains("Level 3", "Urząd Miejski w Jędrzejowie", "desk S3", "supervisor called");
        // the sound and the notification were set off for this alert
        assertThat(String.valueOf(js("return window.okienkoAlarmed;"))).contains("INCIDENT:" + TOWN + ":incident:" + incidentId + ":");

        click("ack-" + incidentId);
        awaitCondition("ack-result", d -> "ACKNOWLEDGED".equals(
                d.findElement(By.cssSelector("[data-testid='ack-result']")).getDomAttribute("data-outcome")));
        awaitCondition("acknowledged-by", d -> text(d, "incident-alert-" + incidentId).contains("Acknowledged by guard"));
        assertThat(browser.findElements(By.cssSelector("[data-testid='ack-" + incidentId + "']"))).isEmpty();

        browser.manage().deleteAllCookies();
        browser.get(url("/offices/" + TOWN + "?lang=en"));
        signIn("supervisor", "supervisor-password");
        browser.get(url("/offices/" + TOWN + "?lang=en"));
        assertThat(browser.findElements(By.cssSelector("[data-testid='nav-security']"))).as("no console link for a supervisor")
                .isEmpty();
        awaitCondition("supervisor-panel", d -> text(d, "incident-acknowledged-by-" + incidentId)
                .startsWith("Acknowledged by guard at "));
        assertThat(text(browser, "incident-" + incidentId)).contains("Level 3", "desk S3");
    }

    @Test
    void aGuardLandsOnTheConsoleAcknowledgesNotifiesThePoliceResolvesAndSeesItInTheDaysLog() {
        HttpResponse<String> office = send("PUT", "/api/v1/admin/offices/" + GUARDED_OFFICE, "admin", "admin-password",
                "application/json", "{\"name\":\"Urząd Gminy Testowo\",\"desks\":[{\"deskId\":\"K2\",\"name\":\"Kasa 2\"}]}");
        assertThat(office.statusCode()).as(office.body()).isEqualTo(200);
        // ingestion checks the desk against the directory, which takes the change in a moment
        org.awaitility.Awaitility.await().atMost(PUSH_WAIT).until(() -> get("/api/v1/admin/offices/" + GUARDED_OFFICE,
                "admin", "admin-password").body().contains("K2"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=en"));
        signIn(SOLE_GUARD, SOLE_GUARD_PASSWORD);
        assertThat(browser.getCurrentUrl()).as("a guard lands on the console").endsWith("/security");
        awaitLiveStream();
        awaitCondition("all-clear-at-start", d -> text(d, "all-clear").contains("All clear"));

        // sound and notifications: switched on once, still on after a reload
        browser.findElement(By.cssSelector("[data-testid='enable-alarms']")).click();
        browser.navigate().refresh();
        awaitLiveStream();
        assertThat(browser.findElement(By.cssSelector("[data-testid='enable-alarms']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");

        String incidentId = unique("violence");
        HttpResponse<String> posted = postEvents(ANY_KEY, "application/json", IncidentApiIT.incidentEvent(GUARDED_OFFICE,
                "incident_reported", incidentId, Instant.now(), "\"deskId\":\"K2\",\"level\":4,\"channel\":\"IN_PERSON\""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String item = "incident-alert-" + incidentId;
        await(item);
        assertThat(text(browser, item)).contains("Level 4 — violence", "Urząd Gminy Testowo", "Kasa 2");
        assertThat(browser.findElements(By.cssSelector("[data-testid='all-clear']"))).isEmpty();
        String red = background(item);

        click("ack-" + incidentId);
        awaitCondition("acknowledged", d -> text(d, item).contains("Acknowledged by " + SOLE_GUARD));
        assertThat(background(item)).as("the card's colour after the acknowledgement").isNotEqualTo(red);

        click("police-button-" + incidentId);
        awaitCondition("police", d -> text(d, "police-" + incidentId).matches("Police notified at \\d\\d:\\d\\d by " + SOLE_GUARD));

        click("resolve-" + incidentId);
        awaitCondition("resolve-dialog", d -> d.findElement(By.cssSelector("[data-testid='resolve-dialog']")).isDisplayed());
        new Select(browser.findElement(By.cssSelector("[data-testid='resolve-outcome']"))).selectByValue("REMOVED_BY_SECURITY");
        browser.findElement(By.cssSelector("[data-testid='resolve-note']")).sendKeys("Escorted out calmly, no injuries");
        browser.findElement(By.cssSelector("[data-testid='resolve-submit']")).click();

        awaitCondition("all-clear-after", d -> !d.findElements(By.cssSelector("[data-testid='all-clear']")).isEmpty()
                && text(d, "log-" + incidentId).contains("Removed by security"));
        assertThat(text(browser, "log-" + incidentId)).contains("Kasa 2", "Level 4 — violence", SOLE_GUARD,
                "Police notified at", "Removed by security", "Escorted out calmly, no injuries");
        assertThat(browser.findElements(By.cssSelector("[data-testid='" + item + "']"))).isEmpty();
    }

    private void click(String testId) {
        HeadlessChromium.click(browser, "[data-testid='" + testId + "']");
    }

    private String background(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getCssValue("background-color");
    }

    private void signIn(String user, String password) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("[data-testid='login-submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void awaitLiveStream() {
        awaitCondition("live-stream", d -> "open".equals(
                d.findElement(By.cssSelector("[data-testid='live-status']")).getDomAttribute("data-state")));
    }

    private WebElement await(String testId) {
        awaitCondition(testId, d -> !d.findElements(By.cssSelector("[data-testid='" + testId + "']")).isEmpty());
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private void awaitCondition(String name, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, PUSH_WAIT).until(condition::apply);
        } catch (RuntimeException e) {
            throw evidence("console-" + name, e);
        }
    }

    private static String text(WebDriver driver, String testId) {
        String text = HeadlessChromium.text(driver, testId);
        return text == null ? "" : text;
    }



}
