package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.Utils;

/**
 * One Okienko instance as an operator runs it: the packaged jar in a JVM of its own, on its own port
 * and data directory, with the given settings. Killed with SIGKILL or stopped by the test.
 */
final class AppProcess {

    private final int port;
    private final Path dataDir;
    private final List<String> settings;
    private final HttpClientSupport client;
    private Process process;
    private Path log;

    /**
     * @param settings {@code --name=value} arguments besides the port and data directory
     */
    AppProcess(int port, Path dataDir, List<String> settings) {
        this.port = port;
        this.dataDir = dataDir;
        this.settings = List.copyOf(settings);
        this.client = new HttpClientSupport("http://localhost:" + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A directory file naming each office by its id, which every instance of a test reads at start. */
    static Path directoryFile(Path root, List<String> offices) throws IOException {
        String entries = offices.stream().map(id -> "{\"officeId\":\"" + id + "\",\"name\":\"" + id + "\"}")
                .collect(Collectors.joining(","));
        return Files.writeString(root.resolve("directory.json"), "{\"offices\":[" + entries + "]}");
    }

    /** Settings of one user with the ADMIN role. */
    static List<String> admin(String user, String password) {
        return List.of(
                "--okienko.security.users[0].username=" + user,
                "--okienko.security.users[0].password=" + password,
                "--okienko.security.users[0].roles[0]=ADMIN");
    }

    /** Settings of one API key that may send any events for any office. */
    static List<String> anyOfficeKey(String key) {
        return List.of(
                "--okienko.api-keys[0].key=" + key,
                "--okienko.api-keys[0].source=it-script",
                "--okienko.api-keys[0].offices[0]=*");
    }

    /** The partition of an office's records: Kafka's default partitioner on the office id key. */
    static int partition(String officeId, int partitions) {
        return Utils.toPositive(Utils.murmur2(officeId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static String queuesPath(String office, LocalDate date) {
        return "/api/v1/offices/" + office + "/queues?date=" + date;
    }

    int port() {
        return port;
    }

    HttpClientSupport client() {
        return client;
    }

    /** Starts the jar (again, on the same data directory, after a kill). */
    AppProcess start() throws IOException {
        String jar = System.getProperty("okienko.jar", "target/okienko.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar,
                "--server.port=" + port,
                "--okienko.data-dir=" + dataDir));
        command.addAll(settings);
        Files.createDirectories(dataDir);
        log = Files.createTempFile(dataDir.getParent(), "okienko-" + port + "-", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return this;
    }

    /** Waits until the instance answers its health check, failing at once (with its log) if it died. */
    AppProcess awaitHealthy(String user, String password) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as(() -> "application process is alive; its log ends with:\n" + logTail())
                    .isTrue();
            return client.get("/actuator/health", user, password).status() == 200;
        });
        return this;
    }

    /** SIGTERM, as systemd or Kubernetes stops a service: the instance closes its applications cleanly first. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the instance stopped within 120 s").isTrue();
        }
    }

    /** SIGKILL, as a power cut or the OOM killer would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Kills the instance and waits for its embedded broker (a process of its own, which stops in order once
     * the application is gone) to let go of the data directory.
     */
    void killAndAwaitBroker() throws Exception {
        kill();
        Path pidFile = dataDir.resolve("kafka").resolve("broker.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .ifPresent(broker -> broker.onExit().orTimeout(90, TimeUnit.SECONDS).join());
        }
    }

    /** The end of the instance's output, so a failed start explains itself in the test report. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
