package pl.okienko.dashboard.platform.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The system's Chromium (Debian packages chromium and chromium-driver), headless, for the browser
 * tests. Missing browser: the tests fail under CI (which must install it)
 * and are skipped elsewhere, with the command that installs it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Held so that the level set here is not lost when the logger is garbage-collected. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        // Selenium warns at every CDP version mismatch; the system browser is usually newer than Selenium.
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final WebDriver driver;

    private HeadlessChromium(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static HeadlessChromium startOrSkip() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must install chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        assumeTrue(installed, "Skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                + "; install them with: apt-get install chromium chromium-driver");
        Path profile = Files.createTempDirectory("okienko-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1600,1200", "--lang=en-US", "--user-data-dir=" + profile);
        // The console is read for what the pages' Content-Security-Policy refused (policyViolations).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // An explicit driver executable keeps Selenium Manager from looking for (or downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    /**
     * The visible text of the element with {@code data-testid}, or null when there is none. Live
     * panels are swapped whole over SSE, so an element found a moment ago may be gone: read again.
     */
    public static String text(WebDriver driver, String testId) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
                return found.isEmpty() ? null : found.get(0).getText().strip();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Clicks the first element matching {@code cssSelector}. Live sections are swapped whole over SSE,
     * so the element may be replaced between finding and clicking it: find it again and retry.
     */
    public static void click(WebDriver driver, String cssSelector) {
        for (int attempt = 0; ; attempt++) {
            try {
                driver.findElement(By.cssSelector(cssSelector)).click();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * What the browser refused because of the pages' Content-Security-Policy or Permissions-Policy since
     * the last call (reading the console empties it): a page that needs an inline script or style, or a
     * feature switched off, shows here before it shows as a broken page.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Permissions-Policy")
                        || message.contains("Permissions policy"))
                .toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
