package pl.okienko.bench.person;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import pl.okienko.bench.live.Dashboard;

/**
 * The packaged application ({@code java -jar okienko.jar}) in a JVM of its own, started for the latency to the person:
 * its embedded broker (a process of its own, which stops when the application does), a fresh data directory, a free
 * HTTP port, an ADMIN and a SECURITY user and an ingestion API key for every office. The bench does not depend on the
 * dashboard module; it only runs the jar. Closing stops the application and every process it started.
 */
public final class PackagedApp implements AutoCloseable {

    public static final PersonLatency.Account ADMIN = new PersonLatency.Account("admin", "admin-password");
    public static final PersonLatency.Account GUARD = new PersonLatency.Account("guard", "guard-password");
    private static final String API_KEY = "bench-key-0123456789";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final Dashboard dashboard;
    /** Stops the application when the bench is stopped (Ctrl-C) before it closes it. */
    private final Thread onExit;

    private PackagedApp(Process process, Path log, Dashboard dashboard) {
        this.process = process;
        this.log = log;
        this.dashboard = dashboard;
        this.onExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop-packaged-app");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** The command line that starts {@code jar} with the data directory {@code dataDir} on HTTP port {@code port}. */
    static List<String> command(String java, Path jar, Path dataDir, int port) {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(),
                "--server.port=" + port,
                "--okienko.data-dir=" + dataDir,
                "--okienko.embedded.port=0",
                "--okienko.api-keys[0].key=" + API_KEY,
                "--okienko.api-keys[0].source=*",
                "--okienko.api-keys[0].offices=*"));
        List<PersonLatency.Account> users = List.of(GUARD, ADMIN);
        List<String> roles = List.of("SECURITY", "ADMIN");
        for (int i = 0; i < users.size(); i++) {
            String user = "--okienko.security.users[" + i + "].";
            command.add(user + "username=" + users.get(i).user());
            command.add(user + "password=" + users.get(i).password());
            command.add(user + "roles=" + roles.get(i));
            command.add(user + "offices=*");
        }
        return command;
    }

    /**
     * Starts {@code jar} with the same java as this JVM, its data and log under {@code dir}, and waits until it answers
     * ready ({@code /actuator/health/readiness}: its Kafka Streams applications running).
     */
    public static PackagedApp start(Path jar, Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged application at " + jar + ": build it (./mvnw -pl dashboard -am package"
                    + " -DskipTests) or run with --no-person");
        }
        Files.createDirectories(dir);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("okienko.log");
        Process process = new ProcessBuilder(command(java, jar, dir.resolve("data"), port)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(process, log, new Dashboard("http://localhost:" + port, API_KEY));
        try {
            app.awaitReady();
            return app;
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** The running application, its API key included. */
    public Dashboard dashboard() {
        return dashboard;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = Dashboard.client();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(dashboard.url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged application stopped with exit code " + process.exitValue()
                        + "; its log: " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the packaged application was not ready within " + READY_TIMEOUT + "; its log: " + log);
    }

    /**
     * Stops the application as an operator would (SIGTERM: it stops its broker in order), then forcibly whatever of it
     * and its children still runs after {@link #STOP_TIMEOUT}.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
