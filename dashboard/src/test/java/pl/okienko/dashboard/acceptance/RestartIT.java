package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Acceptance of the foundation issue: after the application is killed with SIGKILL and started
 * again on the same data directory, the views show the same figures and nothing is counted
 * twice, even when the building system sends the same batch again. Runs the packaged jar as a
 * child JVM, as an operator would.
 */
class RestartIT {

    private static final String KEY = "it-restart-key";
    private static final String USER = "it-admin";
    private static final String PASSWORD = "it-admin-password";

    @TempDir
    Path dataDir;

    private Process app;
    private Path appLog;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
        // The broker runs in a process of its own and stops in order once the application is gone; the
        // temporary directory is removed only after it has let go of its data.
        Path pidFile = dataDir.resolve("kafka").resolve("broker.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .ifPresent(broker -> broker.onExit().orTimeout(90, TimeUnit.SECONDS).join());
        }
    }

    @Test
    void shouldShowTheSameFiguresAfterKillMinusNineAndCountNothingTwice() throws Exception {
        int port = freePort();
        HttpClientSupport client = new HttpClientSupport("http://localhost:" + port);
        LocalDate date = LocalDate.now(ScriptedDay.WARSAW).minusDays(1);
        ScriptedDay day = ScriptedDay.of("IT-RESTART", date, List.of("A", "B"), 40, 5);
        String path = "/api/v1/offices/IT-RESTART/queues?date=" + date;

        app = start(port);
        awaitHealthy(client);
        assertThat(client.postEvents(KEY, day.lines()).status()).isEqualTo(202);
        long expectedWaits = day.expectedOfficeWait().count();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitCount(client, path))
                .isEqualTo(expectedWaits));
        JsonNode before = client.get(path, USER, PASSWORD).json();

        app.destroyForcibly().waitFor();
        app = start(port);
        awaitHealthy(client);

        // what was processed but not yet committed when the process died is processed again after the start
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.get(path, USER, PASSWORD).json())
                .isEqualTo(before));
        // the building system did not hear the 202 and sends everything again
        assertThat(client.postEvents(KEY, day.lines()).status()).isEqualTo(202);
        String marker = QueueAcceptanceIT.event("IT-RESTART", "it-restart-marker-issue", "ticket_issued",
                date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "Z1", "\"queueId\":\"A\"");
        String markerCall = QueueAcceptanceIT.event("IT-RESTART", "it-restart-marker-call", "ticket_called",
                date.atTime(15, 5).atZone(ScriptedDay.WARSAW).toInstant(), "Z1", "\"deskId\":\"D1\"");
        assertThat(client.postEvents(KEY, List.of(marker, markerCall)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitCount(client, path))
                .isEqualTo(expectedWaits + 1));
        assertThat(client.get(path, USER, PASSWORD).json().path("office").path("serviceTime"))
                .isEqualTo(before.path("office").path("serviceTime"));
    }

    @Test
    void shouldCountEveryEventOnceWhenKilledWhileStillProcessing() throws Exception {
        int port = freePort();
        HttpClientSupport client = new HttpClientSupport("http://localhost:" + port);
        LocalDate date = LocalDate.now(ScriptedDay.WARSAW).minusDays(1);
        ScriptedDay day = ScriptedDay.of("IT-RESTART-BUSY", date, List.of("A", "B", "C"), 150, 11);
        String path = "/api/v1/offices/IT-RESTART-BUSY/queues?date=" + date;
        List<String> lines = day.lines();

        app = start(port);
        awaitHealthy(client);
        // small batches back to back keep the topology busy; the process dies right after half the day is in
        for (int from = 0; from < lines.size() / 2; from += 25) {
            assertThat(client.postEvents(KEY, lines.subList(from, from + 25)).status()).isEqualTo(202);
        }
        app.destroyForcibly().waitFor();
        app = start(port);
        awaitHealthy(client);
        // the building system heard nothing more and sends the whole day again, then one more client in queue M:
        // an office's events are processed in order, so once M shows, everything before it has been counted
        for (int from = 0; from < lines.size(); from += 100) {
            assertThat(client.postEvents(KEY, lines.subList(from, Math.min(lines.size(), from + 100))).status())
                    .isEqualTo(202);
        }
        String marker = QueueAcceptanceIT.event("IT-RESTART-BUSY", "it-restart-busy-marker-issue", "ticket_issued",
                date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "M1", "\"queueId\":\"M\"");
        String markerCall = QueueAcceptanceIT.event("IT-RESTART-BUSY", "it-restart-busy-marker-call", "ticket_called",
                date.atTime(15, 5).atZone(ScriptedDay.WARSAW).toInstant(), "M1", "\"deskId\":\"D1\"");
        assertThat(client.postEvents(KEY, List.of(marker, markerCall)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(queue(client, path, "M")
                .path("waitTime").path("count").asLong()).isEqualTo(1));

        for (String queue : List.of("A", "B", "C")) {
            JsonNode figures = queue(client, path, queue);
            assertFigures(figures.path("waitTime"), day.expectedWait(queue));
            assertFigures(figures.path("serviceTime"), day.expectedService(queue));
        }
    }

    private static JsonNode queue(HttpClientSupport client, String path, String queueId) {
        for (JsonNode queue : client.get(path, USER, PASSWORD).json().path("queues")) {
            if (queue.path("id").asString().equals(queueId)) {
                return queue;
            }
        }
        return MissingNode.getInstance();
    }

    private static void assertFigures(JsonNode actual, ScriptedDay.Expected expected) {
        assertThat(actual.path("count").asLong()).isEqualTo(expected.count());
        assertThat(actual.path("meanSeconds").asDouble()).isCloseTo(expected.mean(), within(1e-6));
        assertThat(actual.path("maxSeconds").asDouble()).isEqualTo(expected.max());
    }

    private static long waitCount(HttpClientSupport client, String path) {
        return client.get(path, USER, PASSWORD).json().path("office").path("waitTime").path("count").asLong();
    }

    private void awaitHealthy(HttpClientSupport client) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(app.isAlive()).as(() -> "application process is alive; its log ends with:\n" + logTail())
                    .isTrue();
            return client.get("/actuator/health", USER, PASSWORD).status() == 200;
        });
    }

    private Process start(int port) throws IOException {
        String jar = System.getProperty("okienko.jar", "target/okienko.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar,
                "--server.port=" + port,
                "--okienko.data-dir=" + dataDir,
                "--okienko.embedded.port=0",
                "--okienko.kafka.partitions=2",
                "--okienko.security.users[0].username=" + USER,
                "--okienko.security.users[0].password=" + PASSWORD,
                "--okienko.security.users[0].roles[0]=ADMIN",
                "--okienko.api-keys[0].key=" + KEY,
                "--okienko.api-keys[0].source=it-script",
                "--okienko.api-keys[0].offices[0]=*",
                "--okienko.pseudonymisation-key=it-restart-pseudonymisation-key",
                "--okienko.directory.file=" + directoryFile()));
        appLog = Files.createTempFile(dataDir.getParent(), "okienko-restart", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile()).start();
    }

    /** The offices of the scripts, with a name only: ingestion refuses events for an office not in the directory. */
    private Path directoryFile() throws IOException {
        return Files.writeString(dataDir.resolve("directory.json"), "{\"offices\":["
                + "{\"officeId\":\"IT-RESTART\",\"name\":\"IT-RESTART\"},"
                + "{\"officeId\":\"IT-RESTART-BUSY\",\"name\":\"IT-RESTART-BUSY\"}]}");
    }

    /** The end of the child's output, so a failed start explains itself in the test report. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(appLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + appLog + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
