package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import pl.okienko.broker.ServerSettings;

/**
 * A Kafka cluster as an operator runs one: {@code size} KRaft nodes (each broker and controller, a static quorum
 * of all), each {@code kafka.Kafka} from Kafka's own server classes in a JVM of its own, formatted first with
 * {@code kafka.tools.StorageTool}, as {@code kafka-storage.sh format} and {@code kafka-server-start.sh} do.
 * Internal topics are replicated to every node with a minimum of {@code size - 1} in sync, so one node can die
 * and every write still reaches two. The classes come from the packaged Okienko jar (its broker module holds
 * them), run through Spring Boot's launcher.
 */
final class BrokerCluster implements AutoCloseable {

    private final Path root;
    private final int size;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<Integer> brokerPorts = new ArrayList<>();
    private final List<Integer> controllerPorts = new ArrayList<>();
    private final Process[] nodes;

    BrokerCluster(Path root, int size) throws IOException {
        this.root = root;
        this.size = size;
        this.nodes = new Process[size];
        for (int i = 0; i < size; i++) {
            brokerPorts.add(AppProcess.freePort());
            controllerPorts.add(AppProcess.freePort());
        }
    }

    /** Formats every node's storage, starts them all and waits until an admin client sees every broker. */
    BrokerCluster start() throws Exception {
        for (int n = 1; n <= size; n++) {
            int node = n;
            Path properties = writeProperties(node);
            Process format = new ProcessBuilder(javaRunning("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    properties.toString(), "--ignore-formatted"))
                    .redirectErrorStream(true).redirectOutput(dir(node).resolve("format.log").toFile()).start();
            assertThat(format.waitFor(120, TimeUnit.SECONDS)).as("node %d formatted in time", node).isTrue();
            assertThat(format.exitValue()).as(() -> "format of node " + node + ": " + read(dir(node).resolve("format.log")))
                    .isZero();
        }
        for (int node = 1; node <= size; node++) {
            startNode(node);
        }
        awaitBrokers(size);
        return this;
    }

    /** The {@code bootstrap.servers} of every node. */
    String bootstrapServers() {
        return brokerPorts.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    /** SIGKILL of one node (1-based), as a power cut would. */
    void kill(int node) throws InterruptedException {
        nodes[node - 1].destroyForcibly().waitFor();
    }

    /** Waits until exactly {@code count} brokers are registered and serving. */
    void awaitBrokers(int count) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                for (int node = 1; node <= size; node++) {
                    Process process = nodes[node - 1];
                    if (process != null && !process.isAlive() && process.exitValue() != 137 && process.exitValue() != 0) {
                        throw new AssertionError("broker " + node + " died: " + read(dir(node).resolve("broker.log")));
                    }
                }
                assertThat(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)).hasSize(count);
            });
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process node : nodes) {
            if (node != null) {
                node.destroyForcibly().waitFor();
            }
        }
    }

    private void startNode(int node) throws IOException {
        List<String> command = javaRunning("kafka.Kafka", writeProperties(node).toString());
        command.add(1, "-Dokienko.broker.log=" + dir(node).resolve("broker.log"));
        command.add(1, "-Dlogback.configurationFile=okienko-broker-logback.xml");
        command.add(1, "-Xmx384m");
        nodes[node - 1] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir(node).resolve("stdout.log").toFile()).start();
    }

    private Path writeProperties(int node) throws IOException {
        Path dir = Files.createDirectories(dir(node));
        String voters = IntStream.rangeClosed(1, size).mapToObj(n -> n + "@localhost:" + controllerPorts.get(n - 1))
                .collect(Collectors.joining(","));
        // A dead node is fenced (its partitions led elsewhere) after a 6 s session, Kafka's default being 9 s.
        Properties p = ServerSettings.node(node, "localhost", brokerPorts.get(node - 1), controllerPorts.get(node - 1),
                dir.resolve("logs").toString(), size, Math.max(1, size - 1), 6, 6000);
        p.put("controller.quorum.voters", voters);
        Path file = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, null);
        }
        return file;
    }

    private Path dir(int node) {
        return root.resolve("broker-" + node);
    }

    /** {@code java} running {@code mainClass} of the packaged jar's classpath with {@code args}. */
    private static List<String> javaRunning(String mainClass, String... args) {
        String jar = System.getProperty("okienko.jar", "target/okienko.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dloader.main=" + mainClass, "-cp", jar, "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(List.of(args));
        return command;
    }

    private static String read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }
}
