package pl.okienko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The benchmark's command-line flags. The defaults give a full run of about ten minutes on two
 * cores: a day of about 600,000 events for the throughput phase and two latency phases, each of
 * three passes (one per topology) of 70 seconds of paced traffic.
 *
 * @param events roughly how many events the simulated day should hold
 * @param offices how many offices the day covers (clones of the three sample offices)
 * @param partitions partitions of every input, output and scratch topic
 * @param rates events per second of the paced producer, one latency phase per rate
 * @param warmupSeconds paced traffic before latency samples are kept
 * @param latencySeconds paced traffic whose latencies are kept
 * @param probeEvery every n-th ticket_issued of the latency phase is probed through an interactive query
 * @param seed the simulator's seed
 * @param doc the file whose results block is replaced; null writes none
 * @param args the flags as given, for the report
 */
public record BenchOptions(
        long events,
        int offices,
        int partitions,
        List<Integer> rates,
        int warmupSeconds,
        int latencySeconds,
        int probeEvery,
        long seed,
        Path doc,
        List<String> args) {

    static final String USAGE = """
            Okienko benchmark: throughput and latency of the queue topology against bare Kafka Streams
            baselines, all on one embedded broker in this JVM. Results go to docs/benchmarks.md.

              --events N           events in the simulated day (default 600000)
              --offices N          offices in the day, clones of the three samples (default 500)
              --partitions N       partitions of every topic (default 3, as the catalogue)
              --rate N[,N...]      events/s of the paced latency phases, one phase per rate (default 5000,2000)
              --warmup-seconds N   paced traffic before samples are kept (default 10)
              --latency-seconds N  paced traffic whose latencies are kept (default 60)
              --probe-every N      probe every N-th ticket_issued through an interactive query (default 10)
              --seed N             simulator seed (default 20261121)
              --doc PATH           results file (default docs/benchmarks.md of the checkout)
              --no-doc             print the results only
            """;

    /** Parses the flags; unknown flags and bad numbers throw {@link IllegalArgumentException}. */
    public static BenchOptions parse(String[] argv) {
        long events = 600_000;
        int offices = 500;
        int partitions = 3;
        List<Integer> rates = List.of(5_000, 2_000);
        int warmup = 10;
        int latency = 60;
        int probeEvery = 10;
        long seed = 20261121L;
        Path doc = defaultDoc();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String flag = argv[i];
            if (flag.isBlank()) {
                continue;
            }
            args.add(flag);
            if (flag.equals("--no-doc")) {
                doc = null;
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= argv.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = argv[++i];
            args.add(value);
            switch (flag) {
                case "--events" -> events = positiveLong(flag, value);
                case "--offices" -> offices = positiveInt(flag, value);
                case "--partitions" -> partitions = positiveInt(flag, value);
                case "--rate" -> rates = Arrays.stream(value.split(",")).map(r -> positiveInt(flag, r.trim())).toList();
                case "--warmup-seconds" -> warmup = Math.toIntExact(nonNegativeLong(flag, value));
                case "--latency-seconds" -> latency = positiveInt(flag, value);
                case "--probe-every" -> probeEvery = positiveInt(flag, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--doc" -> doc = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return new BenchOptions(events, offices, partitions, rates, warmup, latency, probeEvery, seed, doc, List.copyOf(args));
    }

    /** Events the fastest paced phase sends in all. */
    long pacedEvents() {
        return (long) Collections.max(rates) * (warmupSeconds + latencySeconds);
    }

    /**
     * docs/benchmarks.md of the checkout: Maven runs {@code exec:java} in the directory it was started
     * from, which is the checkout's root or, when started inside bench/, its parent.
     */
    private static Path defaultDoc() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("bench"))) {
                return dir.resolve("docs").resolve("benchmarks.md");
            }
        }
        return here.resolve("docs").resolve("benchmarks.md");
    }

    private static long positiveLong(String flag, String value) {
        long parsed = nonNegativeLong(flag, value);
        if (parsed == 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return parsed;
    }

    private static long nonNegativeLong(String flag, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, was " + value, e);
        }
        if (parsed < 0) {
            throw new IllegalArgumentException(flag + " must not be negative");
        }
        return parsed;
    }

    private static int positiveInt(String flag, String value) {
        return Math.toIntExact(positiveLong(flag, value));
    }
}
