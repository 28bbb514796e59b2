package pl.okienko.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import pl.okienko.bench.person.PackagedApp;
import pl.okienko.bench.person.PersonLatency;
import pl.okienko.directory.Office;
import pl.okienko.topics.TopicProvisioner;
import pl.okienko.topics.TopicSettings;
import pl.okienko.topics.Topics;

/**
 * The benchmark: Okienko's topologies against bare Kafka Streams on the same broker, input and
 * settings, in one run, so that the figures can be read as ratios to the engine's own limits on the
 * machine at hand. Steps:
 * <ol>
 *   <li>the latency to the person: the packaged application in a JVM of its own, {@link PersonLatency} against it
 *       ({@code --app-jar}, off with {@code --no-person});</li>
 *   <li>simulate a business day of many offices in every family of events (about {@code --events}
 *       queue and desk events, the others in proportion), top up the families too small to be timed,
 *       and make the scaling curve's and the latency phases' queue days;</li>
 *   <li>for each {@code --broker} placement (in this JVM, or a JVM of its own): start a single-node
 *       KRaft broker in a temporary directory, create the catalogue's topics, write the day with a
 *       plain producer (the raw producer rate), run the whole application (all six topologies at once)
 *       over it, then each topology and its pass-through and {@code count()} baselines over its own
 *       input topics, one after another, each until its committed offsets reach the end of the input;
 *       on the in-process broker also, with {@code --topology-latency}, the latency phases (see {@link LatencyPhase});</li>
 *   <li>the scaling curve: the queue topology with 1, 2, 4 stream threads over 3, 6, 12 partitions
 *       ({@code --grid});</li>
 *   <li>the replay of {@code --replay-days} days of {@code --replay-offices} offices through the whole application;</li>
 *   <li>print a summary and replace the results block of docs/benchmarks.md.</li>
 * </ol>
 * A benchmark, not a test: nothing here judges the figures.
 */
public final class Bench {

    private static final Duration THROUGHPUT_TIMEOUT = Duration.ofMinutes(15);
    /**
     * Each application of a line (the two baselines and the topology) runs this many times, taking turns, and its
     * median run is the line's: a baseline's run lasts well under a second, so a pause of the machine or the commit
     * that ends it weighs a third of its figure; a topology's few seconds meet a garbage collection or a burst of the
     * producer's retries (Kafka's transactions v2 refuse a partition's pipelined batches until its first is in) in
     * one run and not in the next. Taking turns, a slower stretch of the machine falls on all three alike.
     */
    static final int LINE_RUNS = 3;
    /** A month of 200 offices takes most of an hour at the whole application's present speed. */
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(4);
    /** One ticket and one incident probe every half second, as the person latency was first measured. */
    private static final long PERSON_PROBE_EVERY_MS = 500;

    private Bench() {
    }

    /** Runs the benchmark; {@code --help} lists the flags. */
    public static void main(String[] argv) throws Exception {
        CommandLine cli = BenchOptions.commandLine();
        String[] args = BenchOptions.nonBlank(argv);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            cli.usage(System.err);
            return;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.err);
            return;
        }
        BenchOptions options = BenchOptions.options(cli, args);
        ZonedDateTime started = ZonedDateTime.now();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path temp = Files.createTempDirectory("okienko-bench-");
        try {
            Results results = run(options, runId, temp);
            Duration took = Duration.between(started, ZonedDateTime.now());
            step("Finished in %.1f min", took.toSeconds() / 60.0);
            Results.Text text = new Results.Text(results, started, took);
            System.out.println();
            System.out.println(text.console());
            if (options.doc() != null) {
                Results.writeBlock(options.doc(), text.markdown());
                System.out.println("Results written to " + options.doc());
            }
        } finally {
            deleteRecursively(temp);
        }
    }

    private static Results run(BenchOptions options, String runId, Path temp) throws Exception {
        List<PersonLatency.Result> person = options.appJar() == null ? List.of() : person(options, temp.resolve("person"));
        long t = System.nanoTime();
        step("Simulating a day of %,d offices in every family (about %,d queue and desk events)", options.offices(), options.events());
        Workload day = Workload.day(options);
        step("  %s in %.1f s", Results.Text.input(day.input()), seconds(System.nanoTime() - t));
        Map<Family, Workload> topUps = topUps(options, day);
        Workload gridDay = null;
        if (!options.grid().points.isEmpty()) {
            gridDay = Workload.queueDay(Workload.gridOffices(options), options.gridEvents(), options.seed());
            step("  scaling curve's day: %s", Results.Text.input(gridDay.input()));
        }
        Workload latencyDay = null;
        if (options.latency()) {
            latencyDay = Workload.latencyDay(options);
            step("  latency phases' day: %s", Results.Text.input(latencyDay.input()));
        }
        int officeCount = Math.max(options.latency() ? Workload.latencyOffices(options) : 0, options.offices()
                + topUps.values().stream().mapToInt(w -> w.offices.size()).sum());
        List<Office> directory = Workload.offices(0, officeCount);

        List<Results.Setup> setups = new ArrayList<>();
        List<LatencyPhase.Result> latencies = new ArrayList<>();
        for (Broker.Placement placement : options.brokers()) {
            step("Starting the broker %s", placement.description);
            Path root = temp.resolve(placement.flag);
            try (Broker broker = Broker.start(placement, root.resolve("kafka"));
                    Cluster cluster = new Cluster(broker.bootstrapServers())) {
                provision(cluster, options.partitions(), directory);
                step("Writing the day with a plain producer");
                Results.Producer producer = preload(cluster.bootstrapServers, day);
                step("  %,d events in %.2f s: %,.0f events/s", producer.events(), producer.seconds(), producer.rate());
                Path stateRoot = root.resolve("state");
                String setupRun = runId + "-" + placement.flag;

                Results.WholeApp whole = wholeApplication(cluster, day.size, setupRun, stateRoot, THROUGHPUT_TIMEOUT);
                for (Workload topUp : topUps.values()) {
                    preload(cluster.bootstrapServers, topUp);
                }
                List<Results.Line> lines = new ArrayList<>();
                for (Family family : List.of(Family.QUEUE, Family.PHONE, Family.CORRESPONDENCE, Family.INCIDENTS, Family.SURVEYS,
                        Family.ALERTS)) {
                    lines.add(line(cluster, family, setupRun, stateRoot));
                }
                setups.add(new Results.Setup(placement, producer, whole, lines));

                if (options.latency() && placement == Broker.Placement.IN_PROCESS) {
                    for (int rate : options.rates()) {
                        step("Latency: %,d events/s for %d s (+%d s warm-up), each topology alone, one after another",
                                rate, options.latencySeconds(), options.warmupSeconds());
                        LatencyPhase.Result latency = LatencyPhase.runEachAlone(cluster, latencyDay, options, rate, stateRoot,
                                setupRun + "-" + rate);
                        step("  sent %,d at %,.0f events/s; not yet committed at the last send: %s", latency.sent(),
                                latency.achievedRate(), latency.backlog().entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                        latencies.add(latency);
                    }
                }
            }
        }
        List<Results.GridPoint> grid = gridDay == null ? List.of() : grid(options, gridDay, runId, temp.resolve("grid"));
        Results.Replay replay = options.replayDays() == 0 ? null : replay(options, runId, temp.resolve("replay"));
        Map<Family, Results.Input> added = new LinkedHashMap<>();
        topUps.forEach((family, workload) -> added.put(family, workload.input()));
        return new Results(options, day.input(), added, setups, grid, gridDay == null ? null : gridDay.input(), latencies,
                person, replay);
    }

    /**
     * The latency to the person, first so that a missing or broken jar shows at once: the packaged application in a
     * JVM of its own (embedded broker, fresh data directory), {@link PersonLatency} against it over HTTP, one phase
     * per {@code --rate}; the application and its broker are stopped before anything else runs.
     */
    private static List<PersonLatency.Result> person(BenchOptions options, Path dir) throws Exception {
        step("Latency to the person: starting the packaged application %s", options.appJar());
        long t = System.nanoTime();
        try (PackagedApp app = PackagedApp.start(options.appJar(), dir)) {
            step("  ready at %s in %.1f s; %d background offices, rates %s events/s, %d s warm-up + %d s each",
                    app.dashboard().url(), seconds(System.nanoTime() - t), options.personOffices(), options.rates(),
                    options.warmupSeconds(), options.latencySeconds());
            List<PersonLatency.Result> results = PersonLatency.measure(app.dashboard(), PackagedApp.ADMIN, PackagedApp.GUARD,
                    options.personOffices(), PERSON_PROBE_EVERY_MS, options.rates(), options.warmupSeconds(),
                    options.latencySeconds());
            for (PersonLatency.Result r : results) {
                step("  %,d events/s (%,.0f achieved, %,d refused): event → tile %s ms, incident → console %s ms", r.rate(),
                        r.achieved(), r.refused(), r.tile(), r.console());
            }
            return results;
        }
    }

    /**
     * A family whose day is too small to be timed (incidents are rare, surveys one visit in ten) gets
     * the same family's day at further offices, written after the whole-application run so that its
     * proportions stay those of the day.
     */
    private static Map<Family, Workload> topUps(BenchOptions options, Workload day) {
        Map<Family, Workload> topUps = new LinkedHashMap<>();
        int next = options.offices();
        int surveysPerOffice = (int) Math.round((double) day.count(Family.SURVEYS) / options.offices());
        for (Family family : Family.events()) {
            long missing = options.familyEvents() - day.count(family);
            if (missing <= 0) {
                continue;
            }
            double perOffice = (double) day.count(family) / options.offices();
            Workload topUp = Workload.topUp(family, next, missing, perOffice, surveysPerOffice, options.seed());
            step("  %s topped up for its own line: %s", family.label, Results.Text.input(topUp.input()));
            next += topUp.offices.size();
            topUps.put(family, topUp);
        }
        return topUps;
    }

    private static void provision(Cluster cluster, int partitions, List<Office> directory) throws Exception {
        new TopicProvisioner(cluster.admin, new TopicSettings(partitions, (short) 1, Map.of())).provision();
        cluster.createTopics(List.of(Baselines.PASS_THROUGH_OUT, Baselines.COUNT_OUT), partitions);
        publishDirectory(cluster.bootstrapServers, directory);
    }

    /** One topology's line: its pass-through and count() baselines, then the topology, over its input topics as they stand. */
    private static Results.Line line(Cluster cluster, Family family, String runId, Path stateRoot) throws Exception {
        Map<TopicPartition, Long> ends = cluster.endOffsets(family.inputs);
        // okienko.alerts is written in transactions, whose markers take offsets too.
        long events = family == Family.ALERTS ? cluster.countRecords(ends) : ends.values().stream().mapToLong(Long::longValue).sum();
        List<Results.Throughput> passes = new ArrayList<>();
        List<Results.Throughput> counts = new ArrayList<>();
        List<Results.Throughput> topologies = new ArrayList<>();
        for (int run = 1; run <= LINE_RUNS; run++) {
            // each run under an application id of its own, the three taking turns
            String suffix = run == 1 ? "" : "-" + run;
            passes.add(throughput(cluster, family.label + "-pass-through" + suffix, Baselines.passThrough(family.inputs), 1,
                    runId, ends, events, stateRoot));
            counts.add(throughput(cluster, family.label + "-count" + suffix, Baselines.count(family.inputs), 1, runId, ends,
                    events, stateRoot));
            topologies.add(throughput(cluster, family.label + suffix, family.topology(), 1, runId, ends, events,
                    stateRoot));
        }
        Results.Throughput pass = median(passes);
        Results.Throughput count = median(counts);
        Results.Throughput topology = median(topologies);
        Results.Line line = new Results.Line(family, events, pass, count, topology);
        step("  %s: %.3f of pass-through, %.3f of count()", family.label, line.toPassThrough(), line.toCount());
        return line;
    }

    /** The run of median rate. */
    private static Results.Throughput median(List<Results.Throughput> runs) {
        List<Results.Throughput> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Results.Throughput::rate));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Every topology at once, as the dashboard runs them (one {@code KafkaStreams} each, its application
     * id), over the day from the earliest offset: from the first to reach RUNNING until every event
     * group has committed the end of its input and then the alerts' group the end of okienko.alerts.
     */
    private static Results.WholeApp wholeApplication(Cluster cluster, long events, String runId, Path stateRoot, Duration timeout)
            throws Exception {
        step("The whole application: %,d events, six topologies at once", events);
        Map<Family, StreamsApp> apps = new EnumMap<>(Family.class);
        try {
            for (Family family : Family.values()) {
                apps.put(family, StreamsApp.start(family.applicationId + "-" + runId, family.topology(), cluster.bootstrapServers,
                        stateRoot));
            }
            for (StreamsApp app : apps.values()) {
                app.awaitRunning(Duration.ofSeconds(120));
            }
            long from = apps.values().stream().mapToLong(StreamsApp::runningAtNanos).min().orElseThrow();
            double startup = apps.values().stream().mapToDouble(app -> seconds(app.startup().toNanos())).max().orElseThrow();
            Map<Family, Map<TopicPartition, Long>> ends = new EnumMap<>(Family.class);
            for (Family family : Family.events()) {
                ends.put(family, cluster.endOffsets(family.inputs));
            }
            Map<Family, Double> caughtUp = new EnumMap<>(Family.class);
            long deadline = from + timeout.toNanos();
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (caughtUp.size() < Family.values().length) {
                apps.values().forEach(StreamsApp::checkHealthy);
                long lag = 0;
                for (Family family : Family.events()) {
                    if (!caughtUp.containsKey(family)) {
                        long behind = cluster.lag(apps.get(family).applicationId, ends.get(family));
                        if (behind == 0) {
                            caughtUp.put(family, seconds(System.nanoTime() - from));
                        }
                        lag += behind;
                    }
                }
                if (lag == 0 && !ends.containsKey(Family.ALERTS)) {
                    // Everything that raises alerts has caught up: what okienko.alerts holds now is the alerts' input.
                    ends.put(Family.ALERTS, cluster.endOffsets(Family.ALERTS.inputs));
                }
                if (ends.containsKey(Family.ALERTS) && cluster.lag(apps.get(Family.ALERTS).applicationId, ends.get(Family.ALERTS)) == 0) {
                    caughtUp.put(Family.ALERTS, seconds(System.nanoTime() - from));
                    break;
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException("the whole application still had " + lag + " events to go after " + timeout);
                }
                if (now > nextReport) {
                    step("  ... %,d to go", lag);
                    nextReport = now + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(50);
            }
            double seconds = caughtUp.get(Family.ALERTS);
            long alerts = cluster.countRecords(ends.get(Family.ALERTS));
            Results.WholeApp whole = new Results.WholeApp(events, alerts, seconds, startup, caughtUp);
            step("  %,.0f events/s (%.1f s; all RUNNING within %.1f s; %,d alerts)", whole.rate(), seconds, startup, alerts);
            return whole;
        } finally {
            apps.values().parallelStream().forEach(StreamsApp::close);
            for (StreamsApp app : apps.values()) {
                cluster.forget(app.applicationId);
            }
        }
    }

    /**
     * {@code --replay-days} consecutive days up to the benchmark's day, every family of
     * {@code --replay-offices} offices, written day by day (a month does not fit in memory at once) on a
     * fresh in-process broker, then the whole application over all of it from the earliest offset.
     */
    private static Results.Replay replay(BenchOptions options, String runId, Path root) throws Exception {
        List<Office> offices = Workload.offices(0, options.replayOffices());
        LocalDate first = Workload.DAY.minusDays(options.replayDays() - 1L);
        step("Replay: %d days from %s of %,d offices, broker in this JVM", options.replayDays(), first, offices.size());
        try (Broker broker = Broker.start(Broker.Placement.IN_PROCESS, root.resolve("kafka"));
                Cluster cluster = new Cluster(broker.bootstrapServers())) {
            provision(cluster, options.partitions(), offices);
            long events = 0;
            for (LocalDate date = first; !date.isAfter(Workload.DAY); date = date.plusDays(1)) {
                Workload day = Workload.ordinaryDay(offices, date, options.seed());
                preload(cluster.bootstrapServers, day);
                events += day.size;
                step("  %s: %,d events written, %,d in all", date, day.size, events);
            }
            Results.WholeApp run = wholeApplication(cluster, events, runId + "-replay", root.resolve("state"), REPLAY_TIMEOUT);
            return new Results.Replay(options.replayDays(), offices.size(), first, Workload.DAY, run);
        }
    }

    /** The queue topology over the grid's day, per partition count on a fresh in-process broker, per thread count from the earliest offset. */
    private static List<Results.GridPoint> grid(BenchOptions options, Workload gridDay, String runId, Path root) throws Exception {
        List<Results.GridPoint> points = new ArrayList<>();
        Map<Integer, List<BenchOptions.GridPoint>> byPartitions = new TreeMap<>();
        options.grid().points.forEach(p -> byPartitions.computeIfAbsent(p.partitions(), k -> new ArrayList<>()).add(p));
        for (Map.Entry<Integer, List<BenchOptions.GridPoint>> entry : byPartitions.entrySet()) {
            int partitions = entry.getKey();
            step("Scaling curve: %d partitions, broker in this JVM", partitions);
            Path dir = root.resolve(partitions + "p");
            try (Broker broker = Broker.start(Broker.Placement.IN_PROCESS, dir.resolve("kafka"));
                    Cluster cluster = new Cluster(broker.bootstrapServers())) {
                provision(cluster, partitions, gridDay.offices);
                preload(cluster.bootstrapServers, gridDay);
                Map<TopicPartition, Long> ends = cluster.endOffsets(Family.QUEUE.inputs);
                for (BenchOptions.GridPoint point : entry.getValue()) {
                    Results.Throughput t = throughput(cluster, "queue-" + point.threads() + "t" + partitions + "p",
                            Family.QUEUE.topology(), point.threads(), runId, ends, gridDay.size, dir.resolve("state"));
                    points.add(new Results.GridPoint(point.threads(), partitions, t));
                }
            }
        }
        return points;
    }

    /** The offices' directory entries, as the dashboard would publish them: the topology reads their time zones. */
    private static void publishDirectory(String bootstrapServers, List<Office> offices) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (Office office : offices) {
                producer.send(new ProducerRecord<>(Topics.OFFICES.name(), office.getOfficeId(),
                        Topics.OFFICES.valueSerde().serializer().serialize(Topics.OFFICES.name(), office)));
            }
            producer.flush();
        }
    }

    /**
     * Sends the pre-serialised day as fast as one producer can (batches of up to 256 KiB, 10 ms
     * linger, acks=all, idempotent, no compression) and times it from the first send to the end of
     * the final flush.
     */
    private static Results.Producer preload(String bootstrapServers, Workload workload) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started;
        long finished;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            started = System.nanoTime();
            for (int i = 0; i < workload.size; i++) {
                producer.send(new ProducerRecord<>(workload.topics[i], null, workload.timestamps[i], workload.keys[i], workload.values[i]),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            finished = System.nanoTime();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Writing the day failed", failure.get());
        }
        return new Results.Producer(workload.size, workload.bytes, seconds(finished - started));
    }

    /**
     * Runs one topology over the whole pre-loaded day, from RUNNING until the committed offsets of
     * its group reach the end of the input (checked every 50 ms; commits come every 100 ms).
     */
    private static Results.Throughput throughput(Cluster cluster, String name, Topology topology, int threads, String runId,
            Map<TopicPartition, Long> ends, long events, Path stateRoot) throws Exception {
        step("Throughput: %s over %,d events", name, events);
        String applicationId = "bench-throughput-" + name + "-" + runId;
        try (StreamsApp app = StreamsApp.start(applicationId, topology, cluster.bootstrapServers, stateRoot, threads)) {
            app.awaitRunning(Duration.ofSeconds(120));
            long processCpuAtRunning = processCpuNanos();
            long deadline = app.runningAtNanos() + THROUGHPUT_TIMEOUT.toNanos();
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                app.checkHealthy();
                long lag = cluster.lag(applicationId, ends);
                long now = System.nanoTime();
                if (lag == 0) {
                    double seconds = seconds(now - app.runningAtNanos());
                    Results.Throughput result = new Results.Throughput(name, events, seconds, seconds(app.startup().toNanos()),
                            streamThreadsCpuNanos(applicationId) / 1000.0 / events);
                    step("  %,.0f events/s (%.1f s; %.1f s to start); stream threads' CPU %.1f µs/event; this JVM's CPU"
                            + " from RUNNING %.1f µs/event", result.rate(), seconds, result.startupSeconds(),
                            result.cpuMicrosPerEvent(), (processCpuNanos() - processCpuAtRunning) / 1000.0 / events);
                    return result;
                }
                if (now > deadline) {
                    throw new IllegalStateException(name + " still had " + lag + " events to go after " + THROUGHPUT_TIMEOUT);
                }
                if (now > nextReport) {
                    step("  ... %,d to go", lag);
                    nextReport = now + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(50);
            }
        } finally {
            cluster.forget(applicationId);
        }
    }

    /**
     * CPU time the application's stream threads have used so far (start-up included): a figure that other work on
     * the machine changes far less than events/s, for comparing two builds of a topology.
     */
    private static long streamThreadsCpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId) && t.getName().contains("-StreamThread-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /** CPU time of every thread of this JVM: the broker's too when it runs here, GC, RocksDB's own threads. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void step(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
