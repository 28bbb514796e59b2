package pl.okienko.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the broker's own process, started by {@link BrokerLauncher}: runs an
 * {@link EmbeddedKafka} until its standard input ends, then stops it cleanly. The launcher holds the
 * other end of that pipe, so the input ends when the launcher closes it (a clean stop) and also when
 * the operating system closes it because the launching application died, even by kill -9. Either way
 * the broker shuts down in order (logs flushed, leadership handed back, the controller told), instead
 * of dying mid-write with the application: what the application left half-done is then ended by
 * Kafka's own transaction timeout and fencing.
 *
 * <p>Arguments: {@code <data directory> <client port> [name=value ...]} (broker properties). Writes
 * {@link #READY} and the bootstrap servers on one line of standard output once clients are served, and
 * keeps its process id in {@value #PID_FILE} in the data directory while it runs.
 */
public final class BrokerProcess {

    /** The start of the line that tells the launcher the broker serves clients, followed by its bootstrap servers. */
    public static final String READY = "OKIENKO-BROKER-READY ";
    /** The start of the line that tells the launcher why the broker could not start. */
    public static final String FAILED = "OKIENKO-BROKER-FAILED ";
    static final String PID_FILE = "broker.pid";

    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BrokerProcess <data directory> <client port> [name=value ...]");
            System.exit(2);
        }
        // Standard output is the launcher's channel; the broker's own logging goes to its log file.
        PrintStream channel = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults()
                .withDataDirectory(Path.of(args[0]))
                .withBrokerPort(Integer.parseInt(args[1]));
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            options = options.withProperty(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(options);
        } catch (RuntimeException e) {
            channel.println(FAILED + oneLine(e));
            System.exit(1);
            return;
        }
        Path pidFile = kafka.dataDirectory().resolve(PID_FILE);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Runnable stop = () -> {
            kafka.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // The next launcher finds no live process under this id and goes on.
            }
        };
        // SIGTERM (an operator, or the launcher's last resort) stops the broker in order as well.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "okienko-broker-shutdown"));
        channel.println(READY + kafka.bootstrapServers());
        awaitEndOfInput(System.in);
        stop.run();
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream input) {
        byte[] buffer = new byte[256];
        try {
            while (input.read(buffer) >= 0) {
                // Nothing is sent but the end of the stream.
            }
        } catch (IOException e) {
            // A broken pipe means the launcher is gone, as the end of the stream does.
        }
    }

    private static String oneLine(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (message.length() > 0) {
                message.append(" <- ");
            }
            message.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return message.toString().replace('\n', ' ');
    }
}
