package pl.okienko.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

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
}
