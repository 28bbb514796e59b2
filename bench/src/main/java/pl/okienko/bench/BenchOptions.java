package pl.okienko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import pl.okienko.bench.Counts.NonNegative;
import pl.okienko.bench.Counts.Positive;

/**
 * The benchmark's command-line flags, parsed by picocli. The defaults measure every item of the
 * results block in one run (see docs/benchmarks.md, "What one run does" and "Time of a full run").
 *
 * @param events roughly how many queue and desk events the simulated day should hold (the other families
 *     come in their proportion to them)
 * @param offices how many offices the day covers (clones of the three sample offices)
 * @param partitions partitions of every input, output and scratch topic
 * @param rates events per second of the paced producer, one latency phase per rate
 * @param warmupSeconds paced traffic before latency samples are kept
 * @param latencySeconds paced traffic whose latencies are kept
 * @param probeEvery every n-th ticket_issued of the latency phase is probed through an interactive query
 * @param seed the simulator's seed
 * @param familyEvents a family with fewer events in the day gets more offices' days of it for its own line
 * @param brokers where the broker runs for the throughput items, each placement in turn
 * @param grid which points of the scaling curve to run
 * @param gridEvents queue and desk events in the scaling curve's day
 * @param latency whether the queue topology's paced latency phases run (opt-in)
 * @param appJar the packaged application the latency to the person runs against; null runs none
 * @param personOffices background offices of the latency to the person
 * @param replayDays days of the replay through the whole application; 0 runs none
 * @param replayOffices offices of the replay
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
        long familyEvents,
        List<Broker.Placement> brokers,
        Grid grid,
        long gridEvents,
        boolean latency,
        Path appJar,
        int personOffices,
        int replayDays,
        int replayOffices,
        Path doc,
        List<String> args) {

    /**
     * The picocli command behind the flags, their help texts in {@code BenchUsage.properties};
     * {@link #options(CommandLine, String[])} reads its fields after a parse.
     */
    @Command(name = "bench/run", sortOptions = false, usageHelpWidth = 110, resourceBundle = "pl.okienko.bench.BenchUsage", description = {
        "Okienko benchmark: throughput of every topology and of the whole application against bare Kafka",
        "Streams baselines, on one embedded broker in this JVM and/or in a JVM of its own; the queue topology's",
        "scaling curve; latency to the person through the packaged application; a month's replay.",
        "Results go to docs/benchmarks.md.",
        ""})
    static final class Flags {
        @Option(names = "--events", paramLabel = "N", converter = Positive.class, defaultValue = "100000")
        long events;

        @Option(names = "--offices", paramLabel = "N", converter = Positive.class, defaultValue = "93")
        long offices;

        @Option(names = "--partitions", paramLabel = "N", converter = Positive.class, defaultValue = "3")
        long partitions;

        @Mixin
        PacedPhases phases;

        @Option(names = "--probe-every", paramLabel = "N", converter = Positive.class, defaultValue = "10")
        long probeEvery;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "20261121")
        long seed;

        @Option(names = "--family-events", paramLabel = "N", converter = NonNegative.class, defaultValue = "60000")
        long familyEvents;

        @Option(names = "--broker", paramLabel = "WHERE", converter = Placements.class, defaultValue = "both")
        Placements brokers;

        @Option(names = "--grid", paramLabel = "GRID", defaultValue = "full")
        Grid grid;

        @Option(names = "--grid-events", paramLabel = "N", converter = Positive.class, defaultValue = "60000")
        long gridEvents;

        @Option(names = "--topology-latency")
        boolean topologyLatency;

        /** The default since the latency to the person is measured; kept so that older commands still parse. */
        @Option(names = "--no-latency")
        boolean noLatency;

        @ArgGroup(exclusive = true)
        Person person;

        @Option(names = "--person-offices", paramLabel = "N", converter = Positive.class, defaultValue = "100")
        long personOffices;

        @Option(names = "--replay-days", paramLabel = "N", converter = NonNegative.class, defaultValue = "30")
        long replayDays;

        @Option(names = "--replay-offices", paramLabel = "N", converter = Positive.class, defaultValue = "200")
        long replayOffices;

        @ArgGroup(exclusive = true)
        Doc doc;

        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;
    }

    /** Where the results go: a file, or nowhere. */
    static final class Doc {
        @Option(names = "--doc", paramLabel = "PATH")
        Path path;

        @Option(names = "--no-doc")
        boolean none;
    }

    /** The packaged application of the latency to the person: the checkout's, another, or none. */
    static final class Person {
        @Option(names = "--app-jar", paramLabel = "PATH")
        Path jar;

        @Option(names = "--no-person")
        boolean none;
    }

    /** A fresh command line over a fresh {@link Flags}: parse once, then {@link #options(String[])}. */
    static CommandLine commandLine() {
        return new CommandLine(new Flags()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The arguments without blank ones: {@code -Dexec.args=""} passes one when there are none. */
    static String[] nonBlank(String[] argv) {
        return Arrays.stream(argv).filter(a -> !a.isBlank()).toArray(String[]::new);
    }

    /** The options of {@code cli} after it parsed {@code argv} (already {@link #nonBlank}) with no help asked for. */
    static BenchOptions options(CommandLine cli, String[] argv) {
        Flags f = cli.getCommand();
        Path doc = f.doc == null ? checkout().resolve("docs").resolve("benchmarks.md") : f.doc.none ? null : f.doc.path;
        Path appJar = f.person == null ? checkout().resolve("dashboard").resolve("target").resolve("okienko.jar")
                : f.person.none ? null : f.person.jar;
        return new BenchOptions(f.events, Math.toIntExact(f.offices), Math.toIntExact(f.partitions), f.phases.rates(),
                f.phases.warmupSeconds(), f.phases.latencySeconds(), Math.toIntExact(f.probeEvery), f.seed, f.familyEvents,
                f.brokers.placements(), f.grid, f.gridEvents, f.topologyLatency && !f.noLatency, appJar,
                Math.toIntExact(f.personOffices), Math.toIntExact(f.replayDays),
                Math.toIntExact(f.replayOffices), doc, List.of(argv));
    }

    /** Events the fastest paced phase sends in all. */
    long pacedEvents() {
        return (long) Collections.max(rates) * (warmupSeconds + latencySeconds);
    }

    /**
     * The checkout's root, whose docs/benchmarks.md and dashboard/target/okienko.jar are the defaults: Maven runs
     * {@code exec:java} in the directory it was started from, which is the checkout's root or, when started inside
     * bench/, its parent.
     */
    private static Path checkout() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("bench"))) {
                return dir;
            }
        }
        return here;
    }

    /** A point of the scaling curve. */
    record GridPoint(int threads, int partitions) {
    }

    /** Which points of the scaling curve a run measures. */
    enum Grid {
        NONE(List.of()),
        /** The queue topology alone at one thread and 3 partitions: a quick check after a change to it. */
        ONE(List.of(new GridPoint(1, 3))),
        /** Threads at the catalogue's 3 partitions, partitions at one thread, and the largest of both. */
        REDUCED(List.of(new GridPoint(1, 3), new GridPoint(2, 3), new GridPoint(4, 3), new GridPoint(1, 12), new GridPoint(4, 12))),
        FULL(List.of(new GridPoint(1, 3), new GridPoint(2, 3), new GridPoint(4, 3), new GridPoint(1, 6), new GridPoint(2, 6),
                new GridPoint(4, 6), new GridPoint(1, 12), new GridPoint(2, 12), new GridPoint(4, 12)));

        final List<GridPoint> points;

        Grid(List<GridPoint> points) {
            this.points = points;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The broker placements of {@code --broker}: in-process, separate, both (in-process first), or none (no throughput items). */
    record Placements(List<Broker.Placement> placements) implements ITypeConverter<Placements> {
        Placements() {
            this(List.of());
        }

        @Override
        public Placements convert(String value) {
            String flag = value.trim();
            if (flag.equals("both")) {
                return new Placements(List.of(Broker.Placement.IN_PROCESS, Broker.Placement.SEPARATE));
            }
            if (flag.equals("none")) {
                return new Placements(List.of());
            }
            try {
                return new Placements(List.of(Broker.Placement.ofFlag(flag)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be in-process, separate, both or none, was " + value);
            }
        }
    }
}
