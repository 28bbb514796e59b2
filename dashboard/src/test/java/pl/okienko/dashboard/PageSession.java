package pl.okienko.dashboard;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in through the login form, as the pages need (they take no HTTP Basic): the
 * session cookie kept between requests, like a browser without the browser.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private PageSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs {@code user} in on the application at {@code port}; fails the test when the form refuses. */
    public static PageSession signIn(int port, String user, String password) {
        PageSession session = new PageSession(port);
        String form = session.get("/login").body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token in the login form: " + form);
        }
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf.group(1))))
                .build());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("sign-in of " + user + " refused: " + signedIn.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A bodiless POST with the session cookie and {@code headers} (name, value, name, value...). */
    public HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /**
     * Opens {@code path} as a browser opens a Server-Sent Events stream, handing each line to {@code lines} as it
     * arrives, until the server ends the stream.
     */
    public CompletableFuture<Void> stream(String path, Consumer<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(lines));
    }

    /** This server's own origin as a browser names it in {@code Origin}. */
    public String origin() {
        return base;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return IntegrationTest.send(http, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
