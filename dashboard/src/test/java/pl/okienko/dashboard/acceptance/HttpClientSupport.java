package pl.okienko.dashboard.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running application, as a building system and a supervisor's script would. */
final class HttpClientSupport {

    static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    HttpClientSupport(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, String body, HttpHeaders headers) {

        /** The first value of a response header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply postEvents(String apiKey, List<String> ndjsonLines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", ndjsonLines) + "\n"))
                .timeout(Duration.ofSeconds(30))
                .build();
        return send(request);
    }

    Reply get(String path, String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(user, password))
                .header("Accept", "application/json")
                .GET().timeout(Duration.ofSeconds(10)).build();
        return send(request);
    }

    /** A GET of a plain-text resource without credentials (the Prometheus metrics). */
    Reply getText(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/plain")
                .GET().timeout(Duration.ofSeconds(10)).build();
        return send(request);
    }

    Reply put(String path, String user, String password, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(10)).build();
        return send(request);
    }

    Reply post(String path, String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build();
        return send(request);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            return new Reply(-1, e.toString(), HttpHeaders.of(Map.of(), (name, value) -> true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
