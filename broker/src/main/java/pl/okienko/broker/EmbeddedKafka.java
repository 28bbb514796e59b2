package pl.okienko.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.properties.PropertiesUtils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka broker (combined KRaft broker and controller) running inside the current JVM,
 * built from Kafka's own server classes. The application runs it in a process of its own
 * ({@link BrokerProcess}, started by {@link BrokerLauncher}) with its data under {@code ./data/kafka}, so a
 * newcomer needs nothing but a JDK; tests and the benchmark may run it in their own JVM. The data survives
 * restarts, also after a kill -9: Kafka recovers its logs, and its transaction coordinator ends what a
 * killed producer left open (fenced by the producer's successor or aborted when its timeout passes).
 *
 * <p>On start it writes {@code server.properties} into the data directory, formats the storage the way
 * {@code kafka-storage format --standalone --ignore-formatted} does (the cluster id is generated on the
 * first start and read back from {@code meta.properties} afterwards), starts {@link KafkaRaftServer} and
 * returns once an admin client sees the broker.
 *
 * <p>Internal topics use replication factor 1, topics are never created automatically (the catalogue
 * creates them), and the broker deletes nothing by time unless a topic says so: records stamped years ago
 * are stored, as a replay of last year's events must be. Kafka's own loggers ({@link #KAFKA_LOGGERS}) are
 * chatty at INFO; the application should set them to WARN.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Logger names under which the broker logs; set them to WARN to keep the console readable. */
    public static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final String bootstrapServers;
    private final String clusterId;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(Path dataDirectory, String bootstrapServers, String clusterId, KafkaRaftServer server) {
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.server = server;
    }

    /**
     * How to run the embedded broker.
     *
     * @param dataDirectory where the broker keeps its configuration and logs
     * @param brokerPort the client port; 0 picks a free one (the previous run's on this data directory while it is free)
     * @param controllerPort the KRaft controller port; 0 picks a free one, as for the client port
     * @param extraProperties broker properties that override the embedded defaults
     */
    public record Options(Path dataDirectory, int brokerPort, int controllerPort, Map<String, String> extraProperties) {

        public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "kafka");
        public static final int DEFAULT_BROKER_PORT = 9092;

        public Options {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            checkPort(brokerPort, "brokerPort");
            checkPort(controllerPort, "controllerPort");
            extraProperties = Map.copyOf(extraProperties);
        }

        /** Data in {@code ./data/kafka}, clients on port 9092, the controller on a free port. */
        public static Options defaults() {
            return new Options(DEFAULT_DATA_DIRECTORY, DEFAULT_BROKER_PORT, 0, Map.of());
        }

        public Options withDataDirectory(Path directory) {
            return new Options(directory, brokerPort, controllerPort, extraProperties);
        }

        public Options withBrokerPort(int port) {
            return new Options(dataDirectory, port, controllerPort, extraProperties);
        }

        public Options withControllerPort(int port) {
            return new Options(dataDirectory, brokerPort, port, extraProperties);
        }

        public Options withProperty(String name, String value) {
            Map<String, String> merged = new LinkedHashMap<>(extraProperties);
            merged.put(name, value);
            return new Options(dataDirectory, brokerPort, controllerPort, merged);
        }

        private static void checkPort(int port, String what) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(what + " must be between 0 and 65535, was " + port);
            }
        }
    }

    /** Starts a broker with {@link Options#defaults()}. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it serves clients.
     *
     * @throws IllegalStateException if a port is taken, the directory is used by another broker, or the
     *     broker does not become ready in time
     */
    public static EmbeddedKafka start(Options options) {
        long started = System.nanoTime();
        Path dataDirectory = options.dataDirectory().toAbsolutePath().normalize();
        Path logDirectory = dataDirectory.resolve("logs");
        Path serverPropertiesFile = dataDirectory.resolve("server.properties");
        int brokerPort = options.brokerPort() != 0 ? requireFree(options.brokerPort(), "broker")
                : previousPort(serverPropertiesFile, "PLAINTEXT", -1).orElseGet(() -> freePort(-1));
        int controllerPort = options.controllerPort() != 0 ? requireFree(options.controllerPort(), "controller")
                : previousPort(serverPropertiesFile, ServerSettings.CONTROLLER_LISTENER, brokerPort)
                        .orElseGet(() -> freePort(brokerPort));

        Properties properties = serverProperties(logDirectory, brokerPort, controllerPort);
        properties.putAll(options.extraProperties());
        KafkaConfig config = new KafkaConfig(properties, false);

        String clusterId;
        try {
            Files.createDirectories(logDirectory);
            writeServerProperties(serverPropertiesFile, properties);
            clusterId = existingClusterId(logDirectory).orElseGet(() -> Uuid.randomUuid().toString());
            format(config, clusterId, logDirectory, controllerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka data directory " + dataDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + dataDirectory, e);
        }

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrapServers = HOST + ":" + brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(dataDirectory, bootstrapServers, clusterId, server);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Embedded Kafka broker ready at {} (data in {}) in {} ms", bootstrapServers, dataDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients of this broker, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The absolute data directory: {@code server.properties} and the {@code logs} directory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The cluster id, generated on the first start and kept in {@code meta.properties}. */
    public String clusterId() {
        return clusterId;
    }

    /** Stops the broker cleanly (flushes logs and writes checkpoints, so the next start skips recovery). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path logDirectory, int brokerPort, int controllerPort) {
        // One node, so every internal topic lives with a single replica. After a crash the controller keeps the
        // old broker incarnation until its session expires, and the restarted broker cannot register before that,
        // so a shorter session makes that restart quicker. Not much shorter than Kafka's 9 s: broker and
        // application share two cores, and a GC pause or a busy CPU must not make the controller fence its own
        // broker (leaders gone, producers retrying).
        Properties p = ServerSettings.node(NODE_ID, HOST, brokerPort, controllerPort, logDirectory.toString(),
                1, 1, 10, 8000);
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        // Nothing is deleted by time unless a topic asks for it, and old event timestamps are accepted.
        p.put("log.retention.ms", "-1");
        p.put("log.message.timestamp.type", "CreateTime");
        return p;
    }

    private static void writeServerProperties(Path file, Properties properties) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by Okienko's embedded broker on every start; edits are overwritten");
        }
    }

    private static Optional<String> existingClusterId(Path logDirectory) throws IOException {
        Path meta = logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        return new MetaProperties.Builder(PropertiesUtils.readPropertiesFile(meta.toString())).build().clusterId();
    }

    /** What {@code kafka-storage format --standalone --ignore-formatted} does: a formatted directory is left as it is. */
    private static void format(KafkaConfig config, String clusterId, Path logDirectory, int controllerPort) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setIgnoreFormatted(true)
                .setControllerListenerName(ServerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(true)
                .setInitialControllers(DynamicVoters.parse(NODE_ID + "@" + HOST + ":" + controllerPort + ":" + Uuid.randomUuid()))
                .addDirectory(logDirectory.toString())
                .run();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers + " did not become ready", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers + " has no live broker");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    /**
     * The port a listener had in the previous run on this data directory, if it is free now. A broker
     * that comes back on another port keeps being looked for at the old one: the transaction
     * coordinator sends the markers of a transaction it completes after a crash to the endpoint it
     * first saw, so a picked port stays the same from run to run while it can.
     */
    private static Optional<Integer> previousPort(Path serverProperties, String listener, int taken) {
        if (!Files.isRegularFile(serverProperties)) {
            return Optional.empty();
        }
        Properties previous = new Properties();
        try (var reader = Files.newBufferedReader(serverProperties, StandardCharsets.UTF_8)) {
            previous.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String prefix = listener + "://" + HOST + ":";
        for (String entry : previous.getProperty("listeners", "").split(",")) {
            if (entry.trim().startsWith(prefix)) {
                try {
                    int port = Integer.parseInt(entry.trim().substring(prefix.length()));
                    return port != taken && port > 0 && isFree(port) ? Optional.of(port) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free port other than {@code taken}: the system may hand out a just-released port again. */
    private static int freePort(int taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(HOST, 0));
                if (socket.getLocalPort() != taken) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port", e);
            }
        }
        throw new IllegalStateException("Cannot find a free port other than " + taken);
    }

    private static int requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("The embedded Kafka " + what + " port " + port
                    + " is in use (another Kafka?): choose another port or point Okienko at that cluster", e);
        }
    }
}
