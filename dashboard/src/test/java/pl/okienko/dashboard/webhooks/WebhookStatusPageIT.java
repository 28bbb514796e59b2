package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.okienko.dashboard.IntegrationTest;

/**
 * The administrator's webhook status page on the running application, signed in through the login
 * form as a person is: an admin sees it (the shared test context configures no endpoint, so first
 * the empty state, then an endpoint added at run time that cannot reach its receiver), and a
 * supervisor is refused it.
 */
class WebhookStatusPageIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private Webhooks webhooks;

    private WebhookDispatcher added;

    @AfterEach
    void removeAddedEndpoint() {
        if (added != null) {
            webhooks.remove(added);
        }
    }

    @Test
    void anAdminSeesThatNoEndpointIsConfiguredAndHowToConfigureOne() {
        assertThat(webhooks.statuses()).as("the shared test context configures no webhook endpoint").isEmpty();
        Session admin = signedIn("admin", "admin-password");

        HttpResponse<String> page = admin.get("/admin/webhooks");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Webhook delivery</h1>", "data-testid=\"nav-webhooks\"",
                "hx-get=\"/admin/webhooks/status\"", "hx-trigger=\"every 5s\"",
                "data-testid=\"webhooks-none\"", "No webhook endpoint is configured.",
                "<code>okienko.webhooks.endpoints[0].office-id=UM-JED</code>")
                .doesNotContain("webhook-card");
    }

    @Test
    void anAdminSeesAnEndpointThatCannotReachItsReceiverRetryingWithItsLastError() throws Exception {
        String office = registeredOffice("IT-PAGE");
        String id = unique("page-hook");
        added = webhooks.add(new WebhookProperties.Endpoint(id, office, "http://127.0.0.1:" + freePort() + "/down",
                "it-page-secret", Set.of()));
        assertThat(added.awaitReady(Duration.ofSeconds(30))).isTrue();
        Session admin = signedIn("admin", "admin-password");
        assertThat(admin.get("/admin/webhooks").body()).contains("data-testid=\"webhook-" + id + "\" data-state=\"OK\"",
                ">Up to date<", ">" + office + " (" + office + ")<", ">none yet<");

        String panic = "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"panic_button\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"it-webhook-page\",\"incidentId\":\"p1\",\"deskId\":\"S1\"}";
        assertThat(postEvents(ANY_KEY, "application/json", panic).statusCode()).isEqualTo(202);

        // What the page's polling fetches: the status alone, now marked as retrying.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/admin/webhooks/status").body())
                .contains("data-testid=\"webhook-" + id + "\" data-state=\"RETRYING\""));
        HttpResponse<String> status = admin.get("/admin/webhooks/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body().strip()).startsWith("<div class=\"webhook-status\"").doesNotContain("<html", "site-header")
                .contains("class=\"webhook-card status-alert\"", ">Retrying<", "data-testid=\"webhook-failure-" + id + "\"",
                        ">Last error<", "ConnectException", ">Failing since<", " ago)<", ">Next attempt<");
    }

    @Test
    void aSupervisorIsRefusedThePageAndItsStatusAndHasNoLinkToIt() {
        Session supervisor = signedIn("supervisor", "supervisor-password");

        HttpResponse<String> page = supervisor.get("/admin/webhooks");
        HttpResponse<String> status = supervisor.get("/admin/webhooks/status");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You may not see this page.").doesNotContain("Webhook delivery", "webhook-status");
        assertThat(status.statusCode()).isEqualTo(403);
        assertThat(status.body()).doesNotContain("webhook-status");
        HttpResponse<String> offices = supervisor.get("/offices");
        assertThat(offices.statusCode()).isEqualTo(200);
        assertThat(offices.body()).doesNotContain("nav-webhooks", "/admin/webhooks");
    }

    @Test
    void someoneNotSignedInIsSentToTheLoginForm() {
        HttpResponse<String> page = new Session().get("/admin/webhooks");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void aPollingPanelWhoseSessionEndedSendsThePageToTheLoginForm() {
        HttpResponse<String> poll = send(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/webhooks/status"))
                        .header("HX-Request", "true").GET().build());

        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/login?expired");
        assertThat(new Session().get("/login?expired&lang=en").body()).contains("Your session ended; sign in again.");
    }

    private Session signedIn(String user, String password) {
        Session session = new Session();
        HttpResponse<String> form = session.get("/login?lang=en");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("CSRF token in the login form: %s", form.body()).isTrue();
        HttpResponse<String> signIn = session.post("/login", "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrf.group(1)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    /** A browser's cookies (session, language) and Accept header without a browser; redirects are left for the test to see. */
    private final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) {
            // As a browser asks: an error then comes as the error page, not as JSON.
            return send(http, HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET().build());
        }

        HttpResponse<String> post(String path, String form) {
            return send(http, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
