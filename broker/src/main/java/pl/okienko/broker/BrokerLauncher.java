package pl.okienko.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded broker in a process of its own ({@link BrokerProcess}) and keeps it for as long as
 * the application runs. The broker then outlives neither a clean stop ({@link #close()} ends it in order)
 * nor the application's death (the child sees its input end and stops in order), but it does not die
 * mid-write with a killed application either: a kill -9 of the application leaves the broker's logs and
 * transaction state whole, and what the dead application left open is ended by Kafka's own transaction
 * timeout and by the fencing of its successor, which uses the same transactional ids.
 *
 * <p>A broker still stopping after its application died holds the data directory: the next start waits
 * for it to finish before it starts its own.
 */
public final class BrokerLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLauncher.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PREDECESSOR_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOG_FILE = "broker.log";

    private final Process process;
    private final Path dataDirectory;
    private final String bootstrapServers;
    private boolean closed;

    private BrokerLauncher(Process process, Path dataDirectory, String bootstrapServers) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker process on {@code options} (its data directory, client port and properties) and
     * returns once it serves clients.
     *
     * @param jvmOptions options of the broker's JVM, e.g. {@code -Xmx512m}
     * @throws IllegalStateException if the broker does not start (the reason, and where its log is)
     */
    public static BrokerLauncher start(EmbeddedKafka.Options options, List<String> jvmOptions) {
        long started = System.nanoTime();
        Path dataDirectory = options.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dataDirectory, e);
        }
        awaitPredecessor(dataDirectory);
        Path log = dataDirectory.resolve(LOG_FILE);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=okienko-broker-logback.xml");
        command.add("-Dokienko.broker.log=" + log);
        command.addAll(mainClassOnThisClasspath(BrokerProcess.class.getName()));
        command.add(dataDirectory.toString());
        command.add(String.valueOf(options.brokerPort()));
        options.extraProperties().forEach((name, value) -> command.add(name + "=" + value));

        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("broker-stderr.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker process", e);
        }
        String bootstrapServers = awaitReady(process, log);
        LOG.info("Embedded Kafka broker ready at {} in its own process {} (data and log in {}) in {} ms", bootstrapServers,
                process.pid(), dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new BrokerLauncher(process, dataDirectory, bootstrapServers);
    }

    /** The {@code bootstrap.servers} value for clients of this broker, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The broker's process, e.g. to watch it. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Ends the broker's input, so it stops in order, and waits for it; a broker that hangs is terminated. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The Kafka broker process {} did not stop within {} s; terminating it", process.pid(),
                        STOP_TIMEOUT.toSeconds());
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    /** The arguments that run {@code mainClass} on this JVM's classpath, from a Spring Boot jar as well. */
    static List<String> mainClassOnThisClasspath(String mainClass) {
        String classpath = System.getProperty("java.class.path");
        if (isExecutableBootJar(classpath)) {
            // Boot's own launcher reads the nested jars; loader.main names the class it runs instead of the application.
            return List.of("-Dloader.main=" + mainClass, "-cp", classpath,
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of("-cp", classpath, mainClass);
    }

    private static boolean isExecutableBootJar(String classpath) {
        if (classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the child's channel until it says it is ready or failed, or ends, within the timeout. */
    private static String awaitReady(Process process, Path log) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(BrokerProcess.READY) || line.startsWith(BrokerProcess.FAILED)) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = answer.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            line = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line = null;
        }
        if (line != null && line.startsWith(BrokerProcess.READY)) {
            return line.substring(BrokerProcess.READY.length()).strip();
        }
        process.destroyForcibly();
        String reason = line == null ? "it did not become ready within " + READY_TIMEOUT.toSeconds() + " s or ended"
                : line.substring(BrokerProcess.FAILED.length());
        throw new IllegalStateException("The embedded Kafka broker did not start: " + reason + " (its log: " + log + ")");
    }

    /**
     * Waits for the broker of a previous run that is still stopping (its application died) to let go of
     * the data directory. A process under that id that is not our broker is a reused id, not a predecessor.
     */
    private static void awaitPredecessor(Path dataDirectory) {
        Optional<ProcessHandle> predecessor = readPid(dataDirectory.resolve(BrokerProcess.PID_FILE))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(BrokerProcess.class.getName()))
                        .orElse(false));
        if (predecessor.isEmpty()) {
            return;
        }
        ProcessHandle handle = predecessor.get();
        LOG.info("The Kafka broker of the previous run (process {}) is still stopping; waiting for it", handle.pid());
        try {
            handle.onExit().get(PREDECESSOR_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The Kafka data directory " + dataDirectory + " is used by the broker process "
                    + handle.pid() + ", which did not stop within " + PREDECESSOR_TIMEOUT.toSeconds()
                    + " s: is another Okienko running on it?");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for the broker process " + handle.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker process " + handle.pid(), e);
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
