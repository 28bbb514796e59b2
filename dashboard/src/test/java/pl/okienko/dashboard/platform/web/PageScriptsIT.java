package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;

/**
 * The pages' scripts are served. The layout names htmx's (and the charts uPlot's) WebJar without a version; webjars-locator-lite
 * serves that address and Spring's resource chain writes the WebJar's version into the page's links.
 */
class PageScriptsIT extends IntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\"");

    @Test
    void shouldServeEveryScriptAPageNames() {
        PageSession supervisor = PageSession.signIn(port, "supervisor", "supervisor-password");

        String page = supervisor.get("/offices/" + TOWN).body();
        List<String> scripts = SCRIPT.matcher(page).results().map(m -> m.group(1)).toList();

        // the layout's three, then the day charts' uPlot and their drawing
        assertThat(scripts).hasSize(5).last().isEqualTo("/js/charts.js");
        assertThat(scripts.get(0)).matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
        assertThat(scripts.get(1)).matches("/webjars/htmx\\.org/[0-9][^/]*/dist/ext/sse\\.js");
        assertThat(scripts.get(2)).isEqualTo("/js/okienko.js");
        assertThat(scripts.get(3)).matches("/webjars/uplot/[0-9][^/]*/dist/uPlot\\.iife\\.min\\.js");
        for (String script : scripts) {
            assertJavaScript(supervisor.get(script), script);
        }
    }

    @Test
    void shouldServeAWebJarAddressedWithoutAVersion() {
        PageSession supervisor = PageSession.signIn(port, "supervisor", "supervisor-password");

        HttpResponse<String> htmx = supervisor.get("/webjars/htmx.org/dist/htmx.min.js");

        assertJavaScript(htmx, "htmx");
        assertThat(htmx.body()).contains("htmx");
        assertJavaScript(supervisor.get("/webjars/htmx.org/dist/ext/sse.js"), "sse");
    }

    private static void assertJavaScript(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }
}
