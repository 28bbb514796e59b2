package pl.okienko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.AppInfoParser;

import pl.okienko.bench.person.PersonLatency;
import pl.okienko.processors.queues.QueueTopology;

/**
 * What one run measured, and how it is shown: a console summary and the results block of docs/benchmarks.md.
 *
 * @param day the simulated day every broker setup starts from
 * @param topUps the families topped up for their own lines, with what was added
 * @param setups the throughput items on each broker placement, in the order run
 * @param grid the scaling curve of the queue topology; empty when not run
 * @param gridDay the scaling curve's day; null when not run
 * @param latencies the queue topology's latency phases (on the in-process broker); empty when not run
 * @param person the latency to the person through the packaged application, one phase per rate; empty when not run
 * @param replay the replay through the whole application; null when not run
 */
record Results(BenchOptions options, Input day, Map<Family, Input> topUps, List<Setup> setups, List<GridPoint> grid,
        Input gridDay, List<LatencyPhase.Result> latencies, List<PersonLatency.Result> person, Replay replay) {

    static final String BLOCK_START = "<!-- bench-results:start: written by pl.okienko.bench.Bench, edits inside are overwritten -->";
    static final String BLOCK_END = "<!-- bench-results:end -->";

    /** The project's reference measurements of bare Kafka, made with broker and app in separate JVMs; shown next to this run's figures. */
    private static final double REFERENCE_COUNT_RATE = 350_000;
    private static final double REFERENCE_PRODUCER_RATE = 950_000;
    private static final double REFERENCE_COUNT_P50 = 65;
    private static final double REFERENCE_COUNT_P99 = 126;

    /** A simulated input: its events per topic, offices and queue arrival scale (0 without queue events). */
    record Input(Map<String, Integer> perTopic, int offices, double scale, long bytes) {
        long events() {
            return perTopic.values().stream().mapToLong(Integer::longValue).sum();
        }

        long events(Family family) {
            return family.inputs.stream().mapToLong(t -> perTopic.getOrDefault(t, 0)).sum();
        }
    }

    record Producer(long events, long bytes, double seconds) {
        double rate() {
            return events / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    /**
     * One application's pass over its input: events/s from RUNNING, and its stream threads' CPU time per event
     * (start-up included), the figure that other work on the shared machine changes least.
     */
    record Throughput(String name, long events, double seconds, double startupSeconds, double cpuMicrosPerEvent) {
        double rate() {
            return events / seconds;
        }
    }

    /** One topology's line: it and its two baselines over the same input, one after another. */
    record Line(Family family, long events, Throughput passThrough, Throughput count, Throughput topology) {
        double toPassThrough() {
            return topology.rate() / passThrough.rate();
        }

        double toCount() {
            return topology.rate() / count.rate();
        }
    }

    /**
     * Every topology at once over the day: from the first to reach RUNNING until every group has
     * committed the end of its input, the alerts' group last (its input is what the others raised).
     *
     * @param caughtUp seconds from the start of the timing until each topology's group caught up
     */
    record WholeApp(long events, long alerts, double seconds, double startupSeconds, Map<Family, Double> caughtUp) {
        double rate() {
            return events / seconds;
        }
    }

    /** The throughput items run on one broker placement. */
    record Setup(Broker.Placement placement, Producer producer, WholeApp wholeApp, List<Line> lines) {
        Optional<Line> line(Family family) {
            return lines.stream().filter(l -> l.family() == family).findFirst();
        }
    }

    /** Consecutive days of every family at {@code offices} offices through the whole application, from the earliest offset. */
    record Replay(int days, int offices, java.time.LocalDate first, java.time.LocalDate last, WholeApp run) {
    }

    /** The queue topology over the scaling curve's day with this many stream threads and partitions. */
    record GridPoint(int threads, int partitions, Throughput throughput) {
    }

    /** Replaces the block between the markers, or appends one; creates the file if needed. */
    static void writeBlock(Path doc, String block) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(BLOCK_START);
        int end = text.indexOf(BLOCK_END);
        String updated;
        if (start >= 0 && end > start) {
            updated = text.substring(0, start) + block + text.substring(end + BLOCK_END.length());
        } else {
            updated = text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        }
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    /** The figures as text. */
    static final class Text {
        private final Results r;
        private final ZonedDateTime when;
        private final Duration took;
        private final String machine;
        private final String jdk;
        private final String code;

        /** The run that started {@code when} and took {@code took}, on this machine, JDK and checkout. */
        Text(Results results, ZonedDateTime when, Duration took) {
            this(results, when, took, machine(), jdk(), code());
        }

        /** With the machine, JDK and code descriptions given (tests). */
        Text(Results results, ZonedDateTime when, Duration took, String machine, String jdk, String code) {
            this.r = results;
            this.when = when;
            this.took = took;
            this.machine = machine;
            this.jdk = jdk;
            this.code = code;
        }

        String console() {
            StringBuilder s = new StringBuilder();
            s.append(line("Okienko benchmark, %s", when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            s.append(line("machine: %s; %s; Kafka %s", machine, jdk, AppInfoParser.getVersion()));
            s.append(line("code: %s", code));
            s.append(line("duration: %.1f min", took.toSeconds() / 60.0));
            s.append(line("input: %s; %d partitions; exactly_once_v2, commit 100 ms, 1 stream thread", input(r.day), r.options.partitions()));
            r.topUps.forEach((family, added) -> s.append(line("  %s topped up for its own line: %s", family.label, input(added))));
            for (Setup setup : r.setups) {
                s.append(line(""));
                s.append(line("THROUGHPUT, broker %s       events   pass-through      count()      Okienko   /pass   /count   µs/event",
                        setup.placement().description));
                s.append(line("  raw producer, the day      %,9d %,12.0f", setup.producer().events(), setup.producer().rate()));
                for (Line l : setup.lines()) {
                    s.append(line("  %-24s   %,9d %,12.0f %,12.0f %,12.0f  %6.3f  %6.3f   %8.1f", topologyLabel(l.family()), l.events(),
                            l.passThrough().rate(), l.count().rate(), l.topology().rate(), l.toPassThrough(), l.toCount(),
                            l.topology().cpuMicrosPerEvent()));
                }
                WholeApp w = setup.wholeApp();
                if (w != null) {
                    s.append(line("  %-24s   %,9d %12s %12s %,12.0f   (%.1f s; %,d alerts)", "whole application", w.events(), "", "",
                            w.rate(), w.seconds(), w.alerts()));
                }
            }
            if (!r.grid.isEmpty()) {
                s.append(line(""));
                s.append(line("SCALING, queue topology over %s", input(r.gridDay)));
                for (GridPoint p : r.grid) {
                    s.append(line("  %d thread(s), %2d partitions  %,12.0f events/s  (%.1f s)", p.threads(), p.partitions(),
                            p.throughput().rate(), p.throughput().seconds()));
                }
            }
            if (r.replay != null) {
                s.append(line(""));
                s.append(line("REPLAY, %d days of %d offices: %,d events in %.1f s, %,.0f events/s", r.replay.days(), r.replay.offices(),
                        r.replay.run().events(), r.replay.run().seconds(), r.replay.run().rate()));
            }
            if (!r.person.isEmpty()) {
                s.append(line(""));
                s.append(line("LATENCY TO THE PERSON, %d background offices   event → office tile ms         incident → console ms",
                        r.options.personOffices()));
                s.append(line("  rate/s  achieved  refused   p50 / p99 / max (samples)"));
                for (PersonLatency.Result p : r.person) {
                    s.append(line("  %,6d  %,8.0f  %,7d   %s   %s", p.rate(), p.achieved(), p.refused(), p.tile(), p.console()));
                }
            }
            for (LatencyPhase.Result l : r.latencies) {
                s.append(line(""));
                s.append(line("LATENCY at %,d events/s (%,.0f achieved), %.0f s measured   samples     p50 ms     p99 ms     max ms",
                        l.rate(), l.achievedRate(), l.measuredSeconds()));
                s.append(latencyLine("pass-through, read_committed output", l.passThrough()));
                s.append(latencyLine("count(), read_committed output", l.count()));
                s.append(latencyLine("okienko, ticket in committed changelog", l.okienkoCommitted()));
                s.append(latencyLine("okienko, ticket in interactive query", l.okienkoQuery()));
                s.append(line("  okienko committed / pass-through   p50 %.2f   p99 %.2f",
                        l.okienkoCommitted().p50() / l.passThrough().p50(), l.okienkoCommitted().p99() / l.passThrough().p99()));
                s.append(line("  okienko query / pass-through       p50 %.2f   p99 %.2f",
                        l.okienkoQuery().p50() / l.passThrough().p50(), l.okienkoQuery().p99() / l.passThrough().p99()));
                s.append(line("  probes %d, missed %d; worst send delay behind schedule %.1f ms", l.probes(), l.probesMissed(), l.worstSendDelayMs()));
                s.append(line("  backlog at the last send: %s; each caught up within %.1f s", backlog(l), l.catchUpSeconds()));
                s.append(line("  okienko committed %,.0f events/s while the producer sent", l.okienkoCommittedRate()));
            }
            return s.toString();
        }

        String markdown() {
            StringBuilder s = new StringBuilder();
            s.append(BLOCK_START).append('\n');
            s.append(line("### Latest run: %s", when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT))));
            s.append(line(""));
            s.append(line("| | |"));
            s.append(line("|---|---|"));
            s.append(line("| command | `%s` |", command()));
            s.append(line("| duration | %.1f minutes, from the first step to the results (the build before them not counted) |",
                    took.toSeconds() / 60.0));
            s.append(line("| machine | %s |", machine));
            s.append(line("| JDK | %s |", jdk));
            s.append(line("| code | %s |", code));
            s.append(line("| Kafka | %s (clients, Streams, broker); one broker, %s |", AppInfoParser.getVersion(),
                    r.setups.stream().map(setup -> "**" + setup.placement().description + "**").collect(Collectors.joining(", then "))));
            s.append(line("| input | %s |", input(r.day)));
            r.topUps.forEach((family, added) -> s.append(line("| %s line | the day's %,d events and %s |", family.label,
                    r.day.events(family), input(added))));
            s.append(line("| partitions | %d per topic (input, output, scratch) |", r.options.partitions()));
            s.append(line("| Streams | `StreamsSettings`: exactly_once_v2, commit interval 100 ms; 1 stream thread each |"));
            for (Setup setup : r.setups) {
                s.append(line(""));
                s.append(line("**Throughput, broker %s**: each topology and its two baselines over the same input topics,", setup.placement().description));
                s.append(line("from the earliest offset, timed from RUNNING until the group's committed offsets reach the end of"));
                s.append(line("the input; one application at a time, the baselines and the topology %d times each, in turn, each one's median run kept.", Bench.LINE_RUNS));
                s.append(line("Raw producer: the whole day, %,d events, %.1f MB/s, %,.0f events/s.",
                        setup.producer().events(), setup.producer().megabytesPerSecond(), setup.producer().rate()));
                s.append(line(""));
                s.append(line("| topology | input | events | pass-through, events/s | count(), events/s | Okienko, events/s | / pass-through | / count() | Okienko's stream thread, CPU µs/event (count()'s) |"));
                s.append(line("|---|---|---:|---:|---:|---:|---:|---:|---:|"));
                for (Line l : setup.lines()) {
                    s.append(line("| %s | %s | %,d | %,.0f | %,.0f | %,.0f | **%.3f** | **%.3f** | %,.1f (%,.1f) |", topologyLabel(l.family()),
                            inputLabel(l.family()), l.events(), l.passThrough().rate(), l.count().rate(), l.topology().rate(),
                            l.toPassThrough(), l.toCount(), l.topology().cpuMicrosPerEvent(), l.count().cpuMicrosPerEvent()));
                }
                WholeApp w = setup.wholeApp();
                if (w != null) {
                    s.append(line(""));
                    s.append(line("**The whole application, broker %s**: the six topologies at once, one `KafkaStreams` each", setup.placement().description));
                    s.append(line("(application ids as the dashboard's), over the day's %,d events of every family in their proportions;",
                            w.events()));
                    s.append(line("from the first to reach RUNNING (all did within %.1f s) until every group committed the end of its input,",
                            w.startupSeconds()));
                    s.append(line("the alerts' group last (its input is the %,d alert steps the others raised): **%,.0f events/s** (%.1f s).",
                            w.alerts(), w.rate(), w.seconds()));
                    s.append(line("Caught up after: %s.", w.caughtUp().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey().label, e.getValue()))
                            .collect(Collectors.joining(", "))));
                }
            }
            if (!r.grid.isEmpty()) {
                s.append(line(""));
                s.append(line("**Scaling curve**: the queue topology alone, from the earliest offset, over %s, broker in the", input(r.gridDay)));
                s.append(line("benchmark's JVM (a fresh one per partition count); events/s by stream threads and partitions per topic."));
                s.append(line(""));
                s.append(gridTable());
            }
            if (r.replay != null) {
                Replay p = r.replay;
                s.append(line(""));
                s.append(line("**Replay**: %d days (%s to %s) of %,d offices, every family of an ordinary day (arrival scale 1), %,d events,",
                        p.days(), p.first(), p.last(), p.offices(), p.run().events()));
                s.append(line("through the whole application from the earliest offset, broker in the benchmark's JVM: **%,.0f events/s**,",
                        p.run().rate()));
                s.append(line("%.1f minutes (%,d alert steps raised).", p.run().seconds() / 60, p.run().alerts()));
            }
            if (!r.person.isEmpty()) {
                s.append(personTable());
            }
            for (LatencyPhase.Result l : r.latencies) {
                s.append(line(""));
                s.append(line("**Latency at %,d events/s** (%,.0f achieved, worst send %.1f ms behind schedule): %d s warm-up, then",
                        l.rate(), l.achievedRate(), l.worstSendDelayMs(), r.options.warmupSeconds()));
                s.append(line("%.0f s measured; each topology alone, one after another, on the same paced slice.", l.measuredSeconds()));
                s.append(line(""));
                s.append(line("| from the send to ... | samples | p50 ms | p99 ms | max ms |"));
                s.append(line("|---|---:|---:|---:|---:|"));
                s.append(mdLatency("pass-through: record in its output, read_committed", l.passThrough()));
                s.append(mdLatency("count(): update in its output, read_committed", l.count()));
                s.append(mdLatency("Okienko: new ticket in the tickets changelog, read_committed", l.okienkoCommitted()));
                s.append(mdLatency("Okienko: new ticket found by an interactive query (5 ms polling)", l.okienkoQuery()));
                s.append(line(""));
                s.append(line("Okienko committed / pass-through: p50 **%.2f**, p99 **%.2f**. Interactive query / pass-through: p50 **%.2f**, p99 **%.2f**.",
                        l.okienkoCommitted().p50() / l.passThrough().p50(), l.okienkoCommitted().p99() / l.passThrough().p99(),
                        l.okienkoQuery().p50() / l.passThrough().p50(), l.okienkoQuery().p99() / l.passThrough().p99()));
                s.append(line("Changelog samples: %,d of the %,d new tickets sent after the warm-up. Query probes: %,d (one new ticket in %d),",
                        l.okienkoCommitted().count(), l.ticketsMeasured(), l.probes(), r.options.probeEvery()));
                s.append(line("%d of them not seen within 30 s. Backlog when the last event was sent: %s; each caught up within %.1f s.",
                        l.probesMissed(), backlog(l), l.catchUpSeconds()));
                long okienkoBacklog = l.backlog().getOrDefault("okienko", 0L);
                if (okienkoBacklog > l.rate()) {
                    s.append(line("**Okienko did not keep up at this rate**: it committed %,.0f events/s on average while the producer",
                            l.okienkoCommittedRate()));
                    s.append(line("sent, so more than a second of events was still unprocessed at the end and its latencies here are"));
                    s.append(line("mostly time spent waiting in that growing backlog."));
                }
            }
            Optional<Setup> inProcess = r.setups.stream().filter(setup -> setup.placement() == Broker.Placement.IN_PROCESS).findFirst();
            inProcess.flatMap(setup -> setup.line(Family.QUEUE)).ifPresent(queue -> {
                s.append(line(""));
                s.append(line("For comparison, the reference measurements (broker and app in separate JVMs, 3,000 keys): count() %,.0f/s, here %,.0f/s",
                        REFERENCE_COUNT_RATE, queue.count().rate()));
                s.append(line("(queue and desk input, broker in the benchmark's JVM); raw producer %,.0f/s, here %,.0f/s.",
                        REFERENCE_PRODUCER_RATE, inProcess.get().producer().rate()));
            });
            r.latencies.stream().filter(l -> l.rate() == 5_000).findFirst().ifPresent(l -> s.append(line(
                    "count() latency at 5,000 events/s p50 %.0f / p99 %.0f ms, here %.1f / %.1f ms.",
                    REFERENCE_COUNT_P50, REFERENCE_COUNT_P99, l.count().p50(), l.count().p99())));
            s.append(BLOCK_END);
            return s.toString();
        }

        /** The latency to the person: what was run, then one row per rate. */
        private String personTable() {
            StringBuilder s = new StringBuilder();
            s.append(line(""));
            s.append(line("**Latency to the person**: the packaged application (`java -jar okienko.jar`: its embedded broker in a process"));
            s.append(line("of its own, the six topologies, ingestion and the pages' streams) in a JVM of its own on a fresh data directory,"));
            s.append(line("while background traffic of %,d simulated offices is posted to `POST /api/v1/events` at each rate: %d s warm-up, then %d s measured.",
                    r.options.personOffices(), r.options.warmupSeconds(), r.options.latencySeconds()));
            s.append(line("Every 500 ms a new ticket (its POST until the office page's stream shows one more client waiting) and a"));
            s.append(line("level-3 incident (its POST until its alert is on the security console's stream)."));
            s.append(line(""));
            s.append(line("| background, events/s | achieved events/s | refused | event → office tile, p50 / p99 / max ms (samples) "
                    + "| incident → console, p50 / p99 / max ms (samples) |"));
            s.append(line("|---:|---:|---:|---|---|"));
            for (PersonLatency.Result p : r.person) {
                s.append(line("| %,d | %,.0f | %,d | %s | %s |", p.rate(), p.achieved(), p.refused(), p.tile(), p.console()));
            }
            return s.toString();
        }

        /** Threads down, partitions across; a cell not run is empty. */
        private String gridTable() {
            List<Integer> partitions = r.grid.stream().map(GridPoint::partitions).distinct().sorted().toList();
            List<Integer> threads = r.grid.stream().map(GridPoint::threads).distinct().sorted().toList();
            StringBuilder s = new StringBuilder();
            s.append("| stream threads |");
            partitions.forEach(p -> s.append(String.format(Locale.ROOT, " %d partitions |", p)));
            s.append('\n').append("|---:|");
            partitions.forEach(p -> s.append("---:|"));
            s.append('\n');
            for (int t : threads) {
                s.append(String.format(Locale.ROOT, "| %d |", t));
                for (int p : partitions) {
                    s.append(r.grid.stream().filter(g -> g.threads() == t && g.partitions() == p).findFirst()
                            .map(g -> String.format(Locale.ROOT, " %,.0f |", g.throughput().rate())).orElse(" |"));
                }
                s.append('\n');
            }
            return s.toString();
        }

        private static String backlog(LatencyPhase.Result l) {
            StringBuilder s = new StringBuilder();
            l.backlog().forEach((name, events) -> s.append(s.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", events)));
            return s.toString();
        }

        private String command() {
            return r.options.args().isEmpty() ? "bench/run" : "bench/run " + String.join(" ", r.options.args());
        }

        /** "598,777 events of 500 offices' business day 2026-11-16 (579,331 queue, 19,446 desk, ...), arrival scale 1.12, 108 bytes/event". */
        static String input(Input in) {
            String topics = in.perTopic().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().substring(e.getKey().lastIndexOf('.') + 1)))
                    .collect(Collectors.joining(", "));
            String scale = in.scale() > 0 ? String.format(Locale.ROOT, ", queue arrival scale %.2f", in.scale()) : "";
            return String.format(Locale.ROOT, "%,d events of %,d offices' business day %s (%s)%s, %.0f bytes/event", in.events(),
                    in.offices(), Workload.DAY, topics, scale, in.events() == 0 ? 0.0 : (double) in.bytes() / in.events());
        }

        private static String topologyLabel(Family family) {
            return switch (family) {
                case QUEUE -> "queue (Q1–Q5, P1, P2)";
                case PHONE -> "phone (T1–T4, I2)";
                case CORRESPONDENCE -> "correspondence (E1–E3, C1)";
                case INCIDENTS -> "incidents (I1)";
                case SURVEYS -> "surveys (S1)";
                case ALERTS -> "alerts (history)";
            };
        }

        private static String inputLabel(Family family) {
            String topics = family.inputs.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).collect(Collectors.joining(" + "));
            return family == Family.ALERTS ? "alerts the others raised" : topics;
        }

        private static String latencyLine(String what, Latencies.Summary summary) {
            return line("  %-40s %8d %10.1f %10.1f %10.1f", what, summary.count(), summary.p50(), summary.p99(), summary.max());
        }

        private static String mdLatency(String what, Latencies.Summary summary) {
            if (summary.count() == 0) {
                return line("| %s | 0 | not measured | | |", what);
            }
            return line("| %s | %,d | %.1f | %.1f | %.1f |", what, summary.count(), summary.p50(), summary.p99(), summary.max());
        }

        private static String line(String format, Object... args) {
            return String.format(Locale.ROOT, format, args) + "\n";
        }
    }

    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(v.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown RAM");
        return String.format(Locale.ROOT, "%d cores (%s), %s, %s %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /**
     * Which queue topology was measured: the checkout's commit (dirty when it has uncommitted changes)
     * and the processors classes actually loaded, which {@code BENCH_BUILD=bench} takes from ~/.m2.
     */
    static String code() {
        String commit;
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor() != 0 || commit.isEmpty()) {
                commit = "unknown commit";
            }
        } catch (IOException e) {
            commit = "unknown commit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            commit = "unknown commit";
        }
        String processors;
        try {
            Path location = Path.of(QueueTopology.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            processors = location.getFileName() + " of " + Files.getLastModifiedTime(location).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            processors = "unknown processors build";
        }
        return "checkout " + commit + "; queue topology from " + processors;
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + String.format(Locale.ROOT, ", max heap %.1f GiB", Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0 / 1024.0);
    }

    private static Optional<String> firstValue(Path file, String name) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
