package pl.okienko.bench.incidents;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import pl.okienko.bench.live.Dashboard;
import pl.okienko.bench.live.SseStream;

/**
 * Incident → security console latency (I1 acceptance): against a running Okienko, signs in as a
 * guard, holds the console's Server-Sent Events stream open as the browser does, posts level-3
 * incidents one at a time to {@code POST /api/v1/events}, and times each until the console stream
 * carries its alert. Reports p50/p90/p99/max from the request being sent and from the 202 answer.
 * Flags are parsed by picocli ({@code --help} lists them); docs/benchmarks.md shows a run.
 */
@Command(name = "IncidentConsoleLatency", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times level-3 incidents from POST /api/v1/events to their alert on the security console's SSE stream.")
public final class IncidentConsoleLatency implements Callable<Integer> {

    @Mixin
    Dashboard dashboard;

    @Option(names = "--user", defaultValue = "guard", description = "a user with the SECURITY role (default ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "guard-password", description = "its password (default ${DEFAULT-VALUE})")
    String password;

    @Option(names = "--office", defaultValue = "UM-JED", description = "the office the incidents happen in (default ${DEFAULT-VALUE})")
    String office;

    @Option(names = "--incidents", defaultValue = "100", description = "how many incidents (default ${DEFAULT-VALUE})")
    int incidents;

    @Option(names = "--pause-ms", defaultValue = "300", description = "pause after each incident (default ${DEFAULT-VALUE})")
    long pauseMs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IncidentConsoleLatency()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HttpClient http = dashboard.signedIn(user, password);
        Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        SseStream console = dashboard.stream(http, "/security/live");
        console.listen(data -> {
            long now = System.nanoTime();
            waiting.forEach((id, latch) -> {
                if (data.contains("incident-alert-" + id + "\"")) {
                    seenAt.putIfAbsent(id, now);
                    latch.countDown();
                }
            });
        });
        Thread.sleep(2_000); // the stream's first event (the current list)

        Histogram fromSend = new Histogram(3);
        Histogram fromAccepted = new Histogram(3);
        for (int i = 0; i < incidents; i++) {
            String incidentId = "bench-" + UUID.randomUUID();
            CountDownLatch seen = new CountDownLatch(1);
            waiting.put(incidentId, seen);
            String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"incident_reported\",\"officeId\":\""
                    + office + "\",\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"incidentId\":\""
                    + incidentId + "\",\"deskId\":\"B1\",\"level\":3,\"channel\":\"IN_PERSON\"}";
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(dashboard.postEvents("application/json", event), HttpResponse.BodyHandlers.ofString());
            long accepted = System.nanoTime();
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("ingestion answered " + answer.statusCode() + ": " + answer.body());
            }
            if (!seen.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("alert of " + incidentId + " not on the console after 30 s");
            }
            long shown = seenAt.get(incidentId);
            fromSend.recordValue(TimeUnit.NANOSECONDS.toMillis(shown - sent));
            fromAccepted.recordValue(TimeUnit.NANOSECONDS.toMillis(Math.max(0, shown - accepted)));
            // Resolve it, so the console list stays short as in real life.
            String resolve = event.replace("incident_reported", "incident_resolved")
                    .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"")
                    .replace(",\"deskId\":\"B1\",\"level\":3,\"channel\":\"IN_PERSON\"", ",\"outcome\":\"CALMED\"");
            http.send(dashboard.postEvents("application/json", resolve), HttpResponse.BodyHandlers.discarding());
            Thread.sleep(pauseMs);
        }
        System.out.println("incident -> security console (SSE), " + incidents + " incidents");
        System.out.println("  from request sent: " + summary(fromSend));
        System.out.println("  from 202 accepted: " + summary(fromAccepted));
        return 0;
    }

    /** Nearest-rank percentiles of whole milliseconds, exact below 2,048 ms at three significant digits. */
    static String summary(Histogram ms) {
        return "p50 " + ms.getValueAtPercentile(50) + " ms, p90 " + ms.getValueAtPercentile(90) + " ms, p99 "
                + ms.getValueAtPercentile(99) + " ms, max " + ms.getMaxValue() + " ms, mean " + Math.round(ms.getMean()) + " ms";
    }
}
