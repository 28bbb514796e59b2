package pl.okienko.bench.person;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import pl.okienko.bench.PacedPhases;
import pl.okienko.bench.live.Dashboard;
import pl.okienko.bench.live.SseStream;
import pl.okienko.directory.Office;
import pl.okienko.schemas.AvroJson;
import pl.okienko.schemas.EventJson;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.SampleOffices;

/**
 * Latency to the person (issue 16): against a running Okienko, while background traffic of simulated offices is
 * posted to {@code POST /api/v1/events} at a set rate, times (a) a new ticket from its POST to the office page's
 * Server-Sent Events stream showing one more client waiting in its queue (Q1), and (b) a level-3 incident from its
 * POST to its alert on the security console's stream (I1). One phase per rate; p50, p99 and max of each. The
 * background's and the probes' events carry the time they are sent as their event time, so no figure waits for a
 * deadline. Flags are parsed by picocli ({@code --help}); docs/benchmarks.md shows how to run it.
 */
@Command(name = "PersonLatency", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Event → office page tile and incident → security console latency under background traffic.")
public final class PersonLatency implements Callable<Integer> {

    private static final String PROBE_OFFICE = "BENCH-PROBE";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    private static final Duration BATCH_EVERY = Duration.ofMillis(20);
    /** Keeps the probes' ticket ids new from run to run: a ticket issued again counts once. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Mixin
    Dashboard dashboard;

    @Option(names = "--admin", defaultValue = "admin", description = "an ADMIN user (default ${DEFAULT-VALUE})")
    String admin;

    @Option(names = "--admin-password", required = true, description = "its password")
    String adminPassword;

    @Option(names = "--guard", defaultValue = "guard", description = "a SECURITY user of every office (default ${DEFAULT-VALUE})")
    String guard;

    @Option(names = "--guard-password", required = true, description = "its password")
    String guardPassword;

    @Mixin
    PacedPhases phases;

    @Option(names = "--offices", defaultValue = "300", description = "background offices (default ${DEFAULT-VALUE})")
    int offices;

    @Option(names = "--probe-every-ms", defaultValue = "500", description = "one ticket and one incident probe each (default ${DEFAULT-VALUE})")
    long probeEveryMs;

    private List<Integer> rates;
    private int warmupSeconds;
    private int latencySeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PersonLatency()).execute(args));
    }

    /** A user of the dashboard and its password. */
    public record Account(String user, String password) {
    }

    /**
     * One probe kind's latencies in whole milliseconds over the kept part of a phase.
     *
     * @param samples probes seen after the warm-up
     * @param missed probes not seen within 30 s of the phase's end
     */
    public record Probe(long samples, long p50, long p99, long max, long missed) {
        static Probe of(Histogram ms, long missed) {
            return new Probe(ms.getTotalCount(), ms.getValueAtPercentile(50), ms.getValueAtPercentile(99), ms.getMaxValue(), missed);
        }

        /** "p50 / p99 / max (samples)", with the missed probes when there were any. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d / %,d / %,d (%d%s)", p50, p99, max, samples,
                    missed > 0 ? ", " + missed + " not seen in 30 s" : "");
        }
    }

    /**
     * One phase: the background rate asked for, the rate achieved, background events refused by ingestion, and the
     * two probes' latencies: event → office page tile and incident → security console.
     */
    public record Result(int rate, double achieved, long refused, Probe tile, Probe console) {
    }

    /**
     * Measures one phase per rate against the running dashboard: registers {@code offices} background offices and the
     * probe office as {@code admin}, watches the console as {@code guard}, and probes every {@code probeEveryMs}.
     */
    public static List<Result> measure(Dashboard dashboard, Account admin, Account guard, int offices, long probeEveryMs,
            List<Integer> rates, int warmupSeconds, int latencySeconds) throws Exception {
        PersonLatency tool = new PersonLatency();
        tool.dashboard = dashboard;
        tool.admin = admin.user();
        tool.adminPassword = admin.password();
        tool.guard = guard.user();
        tool.guardPassword = guard.password();
        tool.offices = offices;
        tool.probeEveryMs = probeEveryMs;
        tool.rates = List.copyOf(rates);
        tool.warmupSeconds = warmupSeconds;
        tool.latencySeconds = latencySeconds;
        return tool.measure();
    }

    @Override
    public Integer call() throws Exception {
        rates = phases.rates();
        warmupSeconds = phases.warmupSeconds();
        latencySeconds = phases.latencySeconds();
        List<Result> results = measure();
        System.out.println();
        System.out.println("| background | achieved events/s | refused | event → office tile p50 / p99 / max ms (n) "
                + "| incident → console p50 / p99 / max ms (n) |");
        System.out.println("|---:|---:|---:|---|---|");
        for (Result r : results) {
            System.out.println(String.format(Locale.ROOT, "| %,d/s | %,.0f | %,d | %s | %s |", r.rate(), r.achieved(), r.refused(),
                    r.tile(), r.console()));
        }
        return 0;
    }

    private List<Result> measure() throws Exception {
        HttpClient supervisor = dashboard.signedIn(admin, adminPassword);
        HttpClient console = dashboard.signedIn(guard, guardPassword);

        List<Office> background = backgroundOffices(offices);
        Office probe = Office.newBuilder(SampleOffices.byId(SampleOffices.TOWN)).setOfficeId(PROBE_OFFICE)
                .setName("Bench probe office").build();
        List<Office> all = new ArrayList<>(background);
        all.add(probe);
        for (Office office : all) {
            HttpResponse<String> put = supervisor.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "/api/v1/admin/offices/"
                    + office.getOfficeId())).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(AvroJson.encodeToString(office))).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(put, 200, "office " + office.getOfficeId());
        }
        for (Office office : background) {
            // the simulator opens more desks than the sample directory lists when a clone's day is busier than
            // the sample's: the background offices accept unlisted units, as a connector's office may
            HttpResponse<String> put = supervisor.send(HttpRequest.newBuilder(URI.create(dashboard.url()
                    + "/api/v1/admin/policies/" + office.getOfficeId())).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"autoRegisterUnits\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(put, 200, "policy of " + office.getOfficeId());
        }
        Thread.sleep(3_000); // the directory reaches ingestion's check and the topologies

        long needed = rates.stream().mapToLong(rate -> (long) rate * (warmupSeconds + latencySeconds + 5)).sum();
        double scale = 1.0;
        List<SpecificRecord> day = Days.generate(DAY, background, 7, scale);
        while (day.size() < needed) {
            scale *= 1.3 * needed / day.size();
            day = Days.generate(DAY, background, 7, scale);
        }
        System.out.printf("background: %,d events of %d offices (arrival scale %.2f)%n", day.size(), background.size(), scale);

        SseStream tiles = dashboard.stream(supervisor, "/offices/" + PROBE_OFFICE + "/live?lang=en");
        SseStream alarms = dashboard.stream(console, "/security/live?lang=en");
        Thread.sleep(2_000); // each stream's first event: the current state

        List<Result> results = new ArrayList<>();
        int from = 0;
        List<String> queues = probe.getQueues().stream().map(queue -> queue.getQueueId().toString()).toList();
        for (int phase = 0; phase < rates.size(); phase++) {
            int rate = rates.get(phase);
            int count = rate * (warmupSeconds + latencySeconds);
            Phase result = new Phase(rate, queues.get(phase % queues.size()), tiles, alarms)
                    .run(day.subList(from, from + count));
            from += count;
            results.add(result.result());
        }
        return results;
    }

    /** One rate: the background paced on this thread, the two probes on their own. */
    private final class Phase {
        final int rate;
        final String queue;
        final SseStream tiles;
        final SseStream alarms;
        final Histogram tile = new Histogram(3);
        final Histogram incident = new Histogram(3);
        final AtomicLong refused = new AtomicLong();
        long missedTiles;
        long missedIncidents;
        double achieved;

        Phase(int rate, String queue, SseStream tiles, SseStream alarms) {
            this.rate = rate;
            this.queue = queue;
            this.tiles = tiles;
            this.alarms = alarms;
        }

        Phase run(List<SpecificRecord> events) throws Exception {
            HttpClient sender = Dashboard.client();
            long start = System.nanoTime();
            long keepFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = keepFrom + TimeUnit.SECONDS.toNanos(latencySeconds);
            Thread probes = new Thread(() -> probe(keepFrom, end), "probes-" + rate);
            probes.start();
            int perBatch = Math.max(1, (int) (rate * BATCH_EVERY.toMillis() / 1000));
            int next = 0;
            long due = start;
            while (next < events.size() && System.nanoTime() < end) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                StringBuilder body = new StringBuilder();
                Instant now = Instant.now();
                for (int i = next; i < Math.min(events.size(), next + perBatch); i++) {
                    body.append(EventJson.encodeToString(at(events.get(i), now))).append('\n');
                }
                int size = Math.min(perBatch, events.size() - next);
                next += size;
                sender.sendAsync(dashboard.postEvents("application/x-ndjson", body.toString()),
                        HttpResponse.BodyHandlers.ofString()).thenAccept(answer -> {
                            if (answer.statusCode() != 202 && refused.getAndAdd(size) == 0) {
                                System.err.println("background batch refused: " + answer.statusCode() + " " + answer.body());
                            }
                        });
                due += BATCH_EVERY.toNanos();
            }
            achieved = next / ((System.nanoTime() - start) / 1e9);
            probes.join();
            return this;
        }

        private void probe(long keepFrom, long end) {
            try {
                // a queue nobody waits in may not be on the panel yet
                int base = Math.max(0, waitingIn(tiles.latest(), queue));
                int issued = 0;
                Map<Integer, Long> ticketSent = new ConcurrentHashMap<>();
                Map<String, Long> incidentSent = new ConcurrentHashMap<>();
                Consumer<String> onTile = data -> {
                    long now = System.nanoTime();
                    int shown = waitingIn(data, queue);
                    ticketSent.keySet().removeIf(expected -> {
                        if (expected > shown) {
                            return false;
                        }
                        record(tile, ticketSent.get(expected), now, keepFrom);
                        return true;
                    });
                };
                Consumer<String> onAlarm = data -> {
                    long now = System.nanoTime();
                    incidentSent.keySet().removeIf(id -> {
                        if (!data.contains("incident-alert-" + id + "\"")) {
                            return false;
                        }
                        record(incident, incidentSent.get(id), now, keepFrom);
                        return true;
                    });
                };
                tiles.listen(onTile);
                alarms.listen(onAlarm);
                HttpClient http = Dashboard.client();
                while (System.nanoTime() < end) {
                    Instant now = Instant.now();
                    issued++;
                    ticketSent.put(base + issued, System.nanoTime());
                    send(http, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ticket_issued\",\"officeId\":\""
                            + PROBE_OFFICE + "\",\"occurredAt\":\"" + now + "\",\"source\":\"bench-probe\",\"ticketId\":\"P"
                            + RUN + "-" + rate + "-" + issued + "\",\"queueId\":\"" + queue + "\"}");
                    String incidentId = "bench-" + UUID.randomUUID();
                    incidentSent.put(incidentId, System.nanoTime());
                    send(http, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"incident_reported\",\"officeId\":\""
                            + PROBE_OFFICE + "\",\"occurredAt\":\"" + now + "\",\"source\":\"bench-probe\",\"incidentId\":\""
                            + incidentId + "\",\"deskId\":\"D01\",\"level\":3,\"channel\":\"IN_PERSON\"}");
                    Thread.sleep(probeEveryMs);
                }
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((!ticketSent.isEmpty() || !incidentSent.isEmpty()) && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                missedTiles = ticketSent.size();
                missedIncidents = incidentSent.size();
                tiles.listen(null);
                alarms.listen(null);
            } catch (Exception e) {
                throw new IllegalStateException("probe failed", e);
            }
        }

        private void send(HttpClient http, String event) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(dashboard.postEvents("application/json", event),
                    HttpResponse.BodyHandlers.ofString());
            check(answer, 202, "probe event");
        }

        Result result() {
            return new Result(rate, achieved, refused.get(), Probe.of(tile, missedTiles), Probe.of(incident, missedIncidents));
        }
    }

    private static void record(Histogram histogram, Long sent, long seen, long keepFrom) {
        if (sent != null && sent >= keepFrom) {
            histogram.recordValue(TimeUnit.NANOSECONDS.toMillis(seen - sent));
        }
    }

    private static final Pattern WAITING = Pattern.compile("data-testid=\"queue-waiting-([^\"]+)\"[^>]*>(\\d+)<");

    /** The clients waiting in the probe's queue as a panel shows them, or -1. */
    private static int waitingIn(String panel, String queue) {
        Matcher matcher = WAITING.matcher(panel);
        while (matcher.find()) {
            if (matcher.group(1).equals(queue)) {
                return Integer.parseInt(matcher.group(2));
            }
        }
        return -1;
    }

    private static SpecificRecord at(SpecificRecord event, Instant now) {
        event.put(event.getSchema().getField("occurredAt").pos(), now);
        return event;
    }

    private static void check(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Clones of the three sample offices, BENCH-BG-0001 and on. */
    static List<Office> backgroundOffices(int count) {
        List<Office> offices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Office sample = SampleOffices.all().get(i % 3);
            offices.add(Office.newBuilder(sample).setOfficeId(String.format("BENCH-BG-%04d", i + 1))
                    .setName(sample.getName() + " (" + (i + 1) + ")").build());
        }
        return offices;
    }
}
