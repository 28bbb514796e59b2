package pl.okienko.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pl.okienko.broker.BrokerLauncher;
import pl.okienko.broker.EmbeddedKafka;

/**
 * The benchmark's single Kafka broker (KRaft, in a temporary directory): either inside the
 * benchmark's own JVM ({@link EmbeddedKafka}), sharing its heap and JIT with the clients, or in a JVM
 * of its own ({@link BrokerLauncher}), as the packaged application runs it by default.
 *
 * @param running the broker, or the launcher of its JVM: closing it stops the broker
 * @param bootstrapServers where clients reach it
 */
record Broker(AutoCloseable running, String bootstrapServers) implements AutoCloseable {

    /** Where the broker runs. */
    enum Placement {
        IN_PROCESS("in-process", "in the benchmark's JVM"),
        SEPARATE("separate", "in a JVM of its own");

        final String flag;
        final String description;

        Placement(String flag, String description) {
            this.flag = flag;
            this.description = description;
        }

        static Placement ofFlag(String flag) {
            for (Placement placement : values()) {
                if (placement.flag.equals(flag)) {
                    return placement;
                }
            }
            throw new IllegalArgumentException("broker must be in-process or separate, was " + flag);
        }
    }

    /** The separate broker's JVM options: the packaged application's defaults for its embedded broker (OkienkoProperties). */
    private static final List<String> SEPARATE_JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

    static Broker start(Placement placement, Path directory) {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0);
        if (placement == Placement.IN_PROCESS) {
            EmbeddedKafka kafka = EmbeddedKafka.start(options);
            return new Broker(kafka, kafka.bootstrapServers());
        }
        BrokerLauncher launcher = withOwnClasspath(() -> BrokerLauncher.start(options, SEPARATE_JVM));
        return new Broker(launcher, launcher.bootstrapServers());
    }

    @Override
    public void close() throws Exception {
        running.close();
    }

    /**
     * The launcher starts the broker's JVM on {@code java.class.path}; under {@code mvn exec:java}
     * that is Maven's own, and the benchmark's classes are on the class loader Maven made for it, so
     * for the start the property names that loader's jars.
     */
    private static synchronized <T> T withOwnClasspath(java.util.function.Supplier<T> start) {
        String original = System.getProperty("java.class.path");
        ClassLoader loader = Broker.class.getClassLoader();
        if (!(loader instanceof URLClassLoader urls) || loader == ClassLoader.getSystemClassLoader()) {
            return start.get();
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file: the child could not read it anyway.
            }
        }
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        try {
            return start.get();
        } finally {
            System.setProperty("java.class.path", original);
        }
    }
}
