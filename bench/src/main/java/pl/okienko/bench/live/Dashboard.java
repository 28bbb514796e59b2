package pl.okienko.bench.live;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

/**
 * A running Okienko that a latency tool talks to over HTTP, as a browser and a building's system do: where it is, the
 * ingestion API key the tool posts events with, sign-in through the login form and the pages' Server-Sent Events
 * streams. A picocli mixin, so that every tool takes {@code --url} and {@code --api-key} alike.
 */
public final class Dashboard {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the dashboard (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--api-key", required = true, description = "an ingestion API key for every office the run posts to")
    String apiKey;

    /** For picocli, which sets the fields from {@code --url} and {@code --api-key}. */
    public Dashboard() {
    }

    /** The dashboard at {@code url} (e.g. {@code http://localhost:8080}), posting with {@code apiKey}. */
    public Dashboard(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    /** The dashboard's address, e.g. {@code http://localhost:8080}. */
    public String url() {
        return url;
    }

    /** A client of its own (a session of its own), keeping cookies as a browser does. */
    public static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A new client signed in through the login form, as a browser does; the client keeps the session cookie. */
    public HttpClient signedIn(String user, String password) throws IOException, InterruptedException {
        HttpClient http = client();
        String page = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        String form = "username=" + enc(user) + "&password=" + enc(password) + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("sign-in refused for " + user);
        }
        return http;
    }

    /** {@code POST /api/v1/events} of {@code body} ({@code application/json} or {@code application/x-ndjson}) with the API key. */
    public HttpRequest postEvents(String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/events")).header("Content-Type", contentType)
                .header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Opens the page stream at {@code path} (e.g. {@code /security/live}) with the signed-in {@code http}. */
    public SseStream stream(HttpClient http, String path) throws IOException, InterruptedException {
        return SseStream.open(http, url + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
