package pl.okienko.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.okienko.dashboard.platform.web.HeadlessChromium;

/**
 * An integration test that drives the pages in a headless Chromium (skipped where none is installed),
 * one browser per test class; after every test the browser console must show no refusal of the
 * Content-Security-Policy or Permissions-Policy.
 */
public abstract class BrowserIntegrationTest extends IntegrationTest {

    protected static HeadlessChromium chromium;
    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
    }

    @AfterEach
    void pagesBrokeNoSecurityPolicy() {
        assertThat(chromium.policyViolations()).as("CSP or Permissions-Policy refusals in the browser console").isEmpty();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Signs in through the login form as {@code user}, with no session left from an earlier test. */
    protected void signInThroughForm(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("[data-testid='login-submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits until the page's SSE stream is open, as htmx's sse extension reports it (okienko.js marks the badge). */
    protected void awaitLiveUpdates() {
        awaitAttribute("live-status", "data-state", "open", Duration.ofSeconds(15));
    }

    /**
     * Waits until the element of {@code testId} carries {@code attribute} = {@code expected}; a screenshot and the page
     * as evidence when it does not within {@code timeout}.
     */
    protected void awaitAttribute(String testId, String attribute, String expected, Duration timeout) {
        try {
            new WebDriverWait(browser, timeout).until(d -> expected.equals(attributeOf(testId, attribute)));
        } catch (RuntimeException e) {
            throw evidence(testId + "-" + expected, e);
        }
    }

    /** The element of {@code testId}'s {@code attribute} now, or null when there is no such element. */
    protected String attributeOf(String testId, String attribute) {
        // Read in one script: an SSE swap between finding the element and reading it would make it stale.
        return (String) js("const e = document.querySelector(\"[data-testid='" + testId + "']\"); return e == null ? null : "
                + "e.getAttribute('" + attribute + "');");
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Keeps a screenshot and the page source under target/ so that a failure on CI can be seen. */
    protected static AssertionError evidence(String name, RuntimeException cause) {
        Path dir = Path.of("target", "browser-evidence");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new AssertionError("The page did not show what was expected (" + name + "); see " + dir.toAbsolutePath(),
                cause);
    }
}
