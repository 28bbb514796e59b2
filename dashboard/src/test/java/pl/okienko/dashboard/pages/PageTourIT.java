package pl.okienko.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import pl.okienko.dashboard.BrowserIntegrationTest;
import pl.okienko.directory.Office;
import pl.okienko.schemas.AvroJson;
import pl.okienko.schemas.EventJson;
import pl.okienko.simulator.OfficeDay;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.simulator.correspondence.CorrespondenceTraffic;
import pl.okienko.simulator.incidents.IncidentDay;
import pl.okienko.simulator.phone.PhoneDay;
import pl.okienko.simulator.phone.PhonePlan;

/**
 * Every page, as an ADMIN sees it with two hours of a simulated office's traffic, at 1920x1080 and
 * 1366x768, in Polish and English (issue 14, layouts that fit): no table is cut off behind a
 * sideways scrollbar, no text spills out of its box, the page never scrolls sideways, and the wallboard
 * ({@code /?kiosk}) fits the screen with no scrollbar at all. With
 * {@code -Dokienko.screenshots=DIR} (the README's screenshots command) every page is also saved as a
 * PNG there, so anyone can look.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageTourIT extends BrowserIntegrationTest {

    private static final String SCREENSHOTS = System.getProperty("okienko.screenshots", "");
    private static String officeId;

    @BeforeAll
    static void noOfficeYet() {
        officeId = null;
    }

    @Test
    @Order(1)
    void shouldRegisterAnOfficeWithTwoHoursOfTraffic() {
        officeId = unique("IT-TOUR");
        Office town = SampleOffices.byId(SampleOffices.TOWN);
        Office office = Office.newBuilder(town).setOfficeId(officeId).setName(town.getName() + " (" + officeId + ")").build();
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + officeId, "admin", "admin-password",
                "application/json", AvroJson.encodeToString(office));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/offices/" + officeId, "admin", "admin-password")
                .statusCode() == 200);

        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofHours(2));
        List<SpecificRecord> events = new ArrayList<>(OfficeDay.generate(office, start, Duration.ofHours(2), 7));
        events.addAll(PhoneDay.generate(officeId, office.getPhoneLines().stream().map(l -> l.getLineId()).toList(), start, now, 7,
                PhonePlan.businessDay(), "tour"));
        events.addAll(CorrespondenceTraffic.demo(office, start, Duration.ofHours(2), 7, "tour"));
        events.addAll(IncidentDay.generate(officeId, office.getDesks().stream().map(d -> d.getDeskId()).toList(), start,
                Duration.ofHours(2), 7, "tour"));
        List<String> lines = events.stream()
                .filter(event -> !occurredAt(event).isAfter(now))
                .map(EventJson::encodeToString).toList();
        for (int from = 0; from < lines.size(); from += 500) {
            HttpResponse<String> posted = postEvents(ANY_KEY, "application/x-ndjson",
                    String.join("\n", lines.subList(from, Math.min(lines.size(), from + 500))));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonBody(get("/api/v1/offices/" + officeId + "/queues", "admin",
                "admin-password")).path("office").path("waitTime").path("today").path("count").asLong() > 0);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @Order(2)
    @CsvSource({"1920, 1080, pl", "1920, 1080, en", "1366, 768, pl", "1366, 768, en"})
    void shouldFitEveryPageWithNothingCutOff(int width, int height, String language) {
        assertThat(officeId).as("the office of the first test").isNotNull();
        signInThroughForm("admin", "admin-password");
        browser.manage().window().setSize(new Dimension(width, height));
        String today = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();
        List<String> problems = new ArrayList<>();
        for (String[] page : List.of(
                new String[] {"overview", "/"},
                new String[] {"wallboard", "/?kiosk"},
                new String[] {"offices", "/offices"},
                new String[] {"office", "/offices/" + officeId},
                new String[] {"day-report", "/offices/" + officeId + "/days/" + today},
                new String[] {"security-console", "/security"},
                new String[] {"webhooks", "/admin/webhooks"})) {
            browser.get(url(page[1] + (page[1].contains("?") ? "&" : "?") + "lang=" + language));
            await().atMost(Duration.ofSeconds(15)).until(() -> "complete".equals(js("return document.readyState;")));
            String name = page[0] + "-" + language + "-" + width + "x" + height;
            if (page[1].contains("kiosk")) {
                problems.addAll(wallboardProblems().stream().map(problem -> name + ": " + problem).toList());
            }
            screenshot(name);
            problems.addAll(cutOff().stream().map(problem -> name + ": " + problem).toList());
        }
        assertThat(problems).as("elements cut off or spilling out of their box").isEmpty();
    }

    /**
     * What keeps the wallboard from fitting one screen (issue 14): a header, a scrollbar, a tile shown
     * beyond the screen's edge, or no tile shown at all; the tiles that do not fit wait for their turn.
     */
    @SuppressWarnings("unchecked")
    private List<String> wallboardProblems() {
        await().atMost(Duration.ofSeconds(30)).until(() -> js("const l = document.querySelector('.tiles');"
                + " return l == null ? null : l.getAttribute('data-page');") != null);
        return (List<String>) js("""
                const out = [];
                if (document.querySelector('.site-header')) out.push('a header');
                if (document.documentElement.scrollHeight > window.innerHeight) out.push('a vertical scrollbar');
                const shown = Array.from(document.querySelectorAll('.tile')).filter(t => !t.hidden);
                if (shown.length === 0) out.push('no tile shown');
                const list = document.querySelector('.tiles').getBoundingClientRect();
                for (const t of shown) {
                  const box = t.getBoundingClientRect();
                  if (box.bottom > Math.min(window.innerHeight, list.bottom) + 1 || box.right > window.innerWidth) {
                    out.push('tile ' + t.getAttribute('data-office') + ' cut off at the edge of the screen');
                  }
                  if (t.scrollHeight > t.clientHeight + 1) {
                    out.push('tile ' + t.getAttribute('data-office') + ' squeezed: ' + t.scrollHeight + ' > ' + t.clientHeight);
                  }
                }
                return out;""");
    }

    /**
     * Elements whose content is wider than their box: a table behind a sideways scrollbar, a figure
     * spilling out of its tile, a page wider than the window. Text for screen readers only and drop-downs
     * (their options show in a list of their own) are not boxes a reader sees.
     */
    @SuppressWarnings("unchecked")
    private List<String> cutOff() {
        List<String> found = (List<String>) js("""
                const out = [];
                if (document.documentElement.scrollWidth > window.innerWidth) {
                  out.push('page: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
                }
                for (const e of document.querySelectorAll('body *')) {
                  if (e.offsetParent === null || e.matches('.visually-hidden, select, option, script, svg *')) continue;
                  const style = getComputedStyle(e);
                  if (style.display === 'inline' || style.display === 'contents') continue;
                  if (e.scrollWidth > e.clientWidth + 1) {
                    out.push((e.getAttribute('data-testid') || (e.tagName + '.' + e.className)) + ' '
                        + e.scrollWidth + ' > ' + e.clientWidth + ' "' + e.textContent.trim().slice(0, 40) + '"');
                  }
                }
                return out;""");
        return found.stream().distinct().collect(Collectors.toList());
    }

    private static void screenshot(String name) {
        if (SCREENSHOTS.isBlank()) {
            return;
        }
        try {
            Path dir = Path.of(SCREENSHOTS);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant occurredAt(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
    }
}
