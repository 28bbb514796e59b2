package pl.okienko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

import pl.okienko.directory.Office;
import pl.okienko.processors.queues.QueueConfig;
import pl.okienko.processors.queues.QueueTopology;
import pl.okienko.broker.EmbeddedKafka;
import pl.okienko.topics.TopicProvisioner;
import pl.okienko.topics.TopicSettings;
import pl.okienko.topics.Topics;

/**
 * The benchmark: Okienko's queue topology against bare Kafka Streams on the same broker, input and
 * settings, in one run, so that the figures can be read as ratios to the engine's own limits on the
 * machine at hand. Steps:
 * <ol>
 *   <li>simulate a business day of many offices (about {@code --events} queue and desk events);</li>
 *   <li>start an embedded single-node KRaft broker in this JVM, in a temporary directory, and create
 *       the catalogue's topics;</li>
 *   <li>write the day into the input topics with a plain producer (the raw producer rate);</li>
 *   <li>throughput: run a pass-through topology, a {@code count()} topology and the queue topology
 *       one after another over the whole day from the earliest offset, each until its committed
 *       offsets reach the end of the input;</li>
 *   <li>latency: for each {@code --rate}, run each of the three alone while a producer sends at that
 *       fixed rate (see {@link LatencyPhase});</li>
 *   <li>print a summary and replace the results block of docs/benchmarks.md.</li>
 * </ol>
 * A benchmark, not a test: nothing here judges the figures.
 */
public final class Bench {

    private static final List<String> INPUTS = List.of(Topics.QUEUE_EVENTS.name(), Topics.DESK_EVENTS.name());
    private static final Duration THROUGHPUT_TIMEOUT = Duration.ofMinutes(15);

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
            Results.Text text = new Results.Text(results, started);
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
        long t = System.nanoTime();
        step("Simulating a day of %,d offices (about %,d events)", options.offices(), options.events());
        Workload workload = Workload.generate(options);
        step("  %,d events in %.1f s (arrival scale %.2f)", workload.size, seconds(System.nanoTime() - t), workload.scale);

        step("Starting the embedded broker in %s", temp);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDataDirectory(temp.resolve("kafka")).withBrokerPort(0));
                Cluster cluster = new Cluster(kafka.bootstrapServers())) {
            new TopicProvisioner(cluster.admin, new TopicSettings(options.partitions(), (short) 1, Map.of())).provision();
            cluster.createTopics(List.of(Baselines.PASS_THROUGH_OUT, Baselines.COUNT_OUT), options.partitions());
            publishDirectory(kafka.bootstrapServers(), workload.offices);

            step("Writing the day with a plain producer");
            Results.Producer producer = preload(kafka.bootstrapServers(), workload);
            step("  %,d events in %.2f s: %,.0f events/s", producer.events(), producer.seconds(), producer.rate());
            Map<TopicPartition, Long> ends = cluster.endOffsets(INPUTS);

            Path stateRoot = temp.resolve("state");
            Results.Throughput pass = throughput(cluster, "pass-through", Baselines.passThrough(), runId, ends, stateRoot);
            Results.Throughput count = throughput(cluster, "count", Baselines.count(), runId, ends, stateRoot);
            Results.Throughput okienko = throughput(cluster, "okienko",
                    QueueTopology.build(QueueConfig.defaults()), runId, ends, stateRoot);

            List<LatencyPhase.Result> latencies = new ArrayList<>();
            for (int rate : options.rates()) {
                step("Latency: %,d events/s for %d s (+%d s warm-up), each topology alone, one after another",
                        rate, options.latencySeconds(), options.warmupSeconds());
                LatencyPhase.Result latency = LatencyPhase.runEachAlone(cluster, workload, options, rate, stateRoot, runId + "-" + rate);
                step("  sent %,d at %,.0f events/s; not yet committed at the last send: %s", latency.sent(), latency.achievedRate(),
                        latency.backlog().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                latencies.add(latency);
            }
            return new Results(options, workload, producer, pass, count, okienko, latencies);
        }
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
                producer.send(new ProducerRecord<>(workload.topic(i), null, workload.timestamps[i], workload.keys[i], workload.values[i]),
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
    private static Results.Throughput throughput(Cluster cluster, String name, Topology topology, String runId,
            Map<TopicPartition, Long> ends, Path stateRoot) throws Exception {
        long events = ends.values().stream().mapToLong(Long::longValue).sum();
        step("Throughput: %s over %,d events", name, events);
        String applicationId = "bench-throughput-" + name + "-" + runId;
        try (StreamsApp app = StreamsApp.start(applicationId, topology, cluster.bootstrapServers, stateRoot)) {
            app.awaitRunning(Duration.ofSeconds(120));
            long deadline = app.runningAtNanos() + THROUGHPUT_TIMEOUT.toNanos();
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                app.checkHealthy();
                long lag = cluster.lag(applicationId, ends);
                long now = System.nanoTime();
                if (lag == 0) {
                    double seconds = seconds(now - app.runningAtNanos());
                    Results.Throughput result = new Results.Throughput(name, events, seconds, seconds(app.startup().toNanos()));
                    step("  %,.0f events/s (%.1f s; %.1f s to start)", result.rate(), seconds, result.startupSeconds());
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
        }
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
