package pl.okienko.bench.incidents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Incident → security console latency (I1 acceptance): against a running Okienko, signs in as a
 * guard, holds the console's Server-Sent Events stream open as the browser does, posts level-3
 * incidents one at a time to {@code POST /api/v1/events}, and times each until the console stream
 * carries its alert. Reports p50/p90/p99/max from the request being sent and from the 202 answer.
 *
 * <pre>
 * java -cp bench/target/classes pl.okienko.bench.incidents.IncidentConsoleLatency \
 *   --url http://localhost:8080 --user guard --password guard-password --api-key KEY --office UM-JED --incidents 100
 * </pre>
 */
public final class IncidentConsoleLatency {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private IncidentConsoleLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://localhost:8080");
        String office = options.getOrDefault("office", "UM-JED");
        int incidents = Integer.parseInt(options.getOrDefault("incidents", "100"));
        long pauseMs = Long.parseLong(options.getOrDefault("pause-ms", "300"));

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        signIn(http, url, options.getOrDefault("user", "guard"), options.getOrDefault("password", "guard-password"));

        Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> readConsole(http, url, waiting, seenAt), "console-sse");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(2_000); // the stream's first event (the current list)

        List<Long> fromSend = new ArrayList<>();
        List<Long> fromAccepted = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String incidentId = "bench-" + UUID.randomUUID();
            CountDownLatch seen = new CountDownLatch(1);
            waiting.put(incidentId, seen);
            String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"incident_reported\",\"officeId\":\""
                    + office + "\",\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"incidentId\":\""
                    + incidentId + "\",\"deskId\":\"B1\",\"level\":3,\"channel\":\"IN_PERSON\"}";
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                    .header("Content-Type", "application/json").header("X-Api-Key", options.get("api-key"))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            long accepted = System.nanoTime();
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("ingestion answered " + answer.statusCode() + ": " + answer.body());
            }
            if (!seen.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("alert of " + incidentId + " not on the console after 30 s");
            }
            long shown = seenAt.get(incidentId);
            fromSend.add(shown - sent);
            fromAccepted.add(Math.max(0, shown - accepted));
            // Resolve it, so the console list stays short as in real life.
            String resolve = event.replace("incident_reported", "incident_resolved")
                    .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"")
                    .replace(",\"deskId\":\"B1\",\"level\":3,\"channel\":\"IN_PERSON\"", ",\"outcome\":\"CALMED\"");
            http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                    .header("Content-Type", "application/json").header("X-Api-Key", options.get("api-key"))
                    .POST(HttpRequest.BodyPublishers.ofString(resolve)).build(), HttpResponse.BodyHandlers.discarding());
            Thread.sleep(pauseMs);
        }
        System.out.println("incident -> security console (SSE), " + incidents + " incidents");
        System.out.println("  from request sent: " + summary(fromSend));
        System.out.println("  from 202 accepted: " + summary(fromAccepted));
    }

    private static void signIn(HttpClient http, String url, String user, String password) throws Exception {
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
    }

    private static void readConsole(HttpClient http, String url, Map<String, CountDownLatch> waiting,
            Map<String, Long> seenAt) {
        try {
            HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url + "/security/live"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (stream.statusCode() != 200) {
                throw new IllegalStateException("console stream answered " + stream.statusCode());
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    long now = System.nanoTime();
                    String data = line;
                    waiting.forEach((id, latch) -> {
                        if (data.contains("incident-alert-" + id + "\"")) {
                            seenAt.putIfAbsent(id, now);
                            latch.countDown();
                        }
                    });
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("console stream ended: " + e);
        }
    }

    private static String summary(List<Long> nanos) {
        long[] ms = nanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        return "p50 " + pct(ms, 0.5) + " ms, p90 " + pct(ms, 0.9) + " ms, p99 " + pct(ms, 0.99) + " ms, max "
                + ms[ms.length - 1] + " ms, mean " + Math.round(Arrays.stream(ms).average().orElse(0)) + " ms";
    }

    /** Nearest-rank percentile. */
    private static long pct(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
