package pl.okienko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.kafka.common.utils.AppInfoParser;

import pl.okienko.processors.queues.QueueTopology;

/** What one run measured, and how it is shown: a console summary and the results block of docs/benchmarks.md. */
record Results(BenchOptions options, Workload workload, Producer producer, Throughput passThrough, Throughput count,
        Throughput okienko, List<LatencyPhase.Result> latencies) {

    static final String BLOCK_START = "<!-- bench-results:start: written by pl.okienko.bench.Bench, edits inside are overwritten -->";
    static final String BLOCK_END = "<!-- bench-results:end -->";

    /** The project's reference measurements of bare Kafka, made with broker and app in separate JVMs; shown next to this run's figures. */
    private static final double REFERENCE_COUNT_RATE = 350_000;
    private static final double REFERENCE_PRODUCER_RATE = 950_000;
    private static final double REFERENCE_COUNT_P50 = 65;
    private static final double REFERENCE_COUNT_P99 = 126;

    record Producer(long events, long bytes, double seconds) {
        double rate() {
            return events / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    record Throughput(String name, long events, double seconds, double startupSeconds) {
        double rate() {
            return events / seconds;
        }
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

        Text(Results results, ZonedDateTime when) {
            this.r = results;
            this.when = when;
        }

        String console() {
            StringBuilder s = new StringBuilder();
            s.append(line("Okienko benchmark, %s", when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            s.append(line("machine: %s; %s; Kafka %s, broker in this JVM", machine(), jdk(), AppInfoParser.getVersion()));
            s.append(line("code: %s", code()));
            s.append(line("input: %s; %d partitions; exactly_once_v2, commit 100 ms, 1 stream thread", input(), r.options.partitions()));
            s.append(line(""));
            s.append(line("THROUGHPUT                      events/s      seconds"));
            s.append(line("  raw producer              %,12.0f   %8.2f", r.producer.rate(), r.producer.seconds()));
            for (Throughput t : List.of(r.passThrough, r.count, r.okienko)) {
                s.append(line("  %-24s  %,12.0f   %8.2f", label(t), t.rate(), t.seconds()));
            }
            s.append(line("  okienko / pass-through    %12.3f", r.okienko.rate() / r.passThrough.rate()));
            s.append(line("  okienko / count()         %12.3f", r.okienko.rate() / r.count.rate()));
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
            s.append(line("| machine | %s |", machine()));
            s.append(line("| JDK | %s |", jdk()));
            s.append(line("| code | %s |", code()));
            s.append(line("| Kafka | %s (clients, Streams, broker); one broker, **in the benchmark's JVM** |", AppInfoParser.getVersion()));
            s.append(line("| input | %s |", input()));
            s.append(line("| partitions | %d per topic (input, output, scratch) |", r.options.partitions()));
            s.append(line("| Streams | `StreamsSettings`: exactly_once_v2, commit interval 100 ms; 1 stream thread each |"));
            s.append(line(""));
            s.append(line("**Throughput**: the whole day from the earliest offset, timed from RUNNING until the group's"));
            s.append(line("committed offsets reach the end of the input; one topology at a time."));
            s.append(line(""));
            s.append(line("| | events/s | seconds | to RUNNING, s |"));
            s.append(line("|---|---:|---:|---:|"));
            s.append(line("| raw producer (%.1f MB/s) | %,.0f | %.2f | |", r.producer.megabytesPerSecond(), r.producer.rate(), r.producer.seconds()));
            for (Throughput t : List.of(r.passThrough, r.count, r.okienko)) {
                s.append(line("| %s | %,.0f | %.2f | %.1f |", label(t), t.rate(), t.seconds(), t.startupSeconds()));
            }
            s.append(line(""));
            s.append(line("Okienko / pass-through = **%.3f**; Okienko / count() = **%.3f**.",
                    r.okienko.rate() / r.passThrough.rate(), r.okienko.rate() / r.count.rate()));
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
            s.append(line(""));
            s.append(line("For comparison, the reference measurements (broker and app in separate JVMs, 3,000 keys): count() %,.0f/s, here %,.0f/s;",
                    REFERENCE_COUNT_RATE, r.count.rate()));
            s.append(line("raw producer %,.0f/s, here %,.0f/s.", REFERENCE_PRODUCER_RATE, r.producer.rate()));
            r.latencies.stream().filter(l -> l.rate() == 5_000).findFirst().ifPresent(l -> s.append(line(
                    "count() latency at 5,000 events/s p50 %.0f / p99 %.0f ms, here %.1f / %.1f ms.",
                    REFERENCE_COUNT_P50, REFERENCE_COUNT_P99, l.count().p50(), l.count().p99())));
            s.append(BLOCK_END);
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

        private String input() {
            return String.format(Locale.ROOT, "%,d events (%,d queue, %,d desk) of %,d offices' business day %s, arrival scale %.2f, %s",
                    r.workload.size, r.workload.size - r.workload.deskCount, r.workload.deskCount, r.workload.offices.size(),
                    Workload.DAY, r.workload.scale, String.format(Locale.ROOT, "%.0f bytes/event", (double) r.workload.bytes / r.workload.size));
        }

        private static String label(Throughput t) {
            return switch (t.name()) {
                case "pass-through" -> "pass-through";
                case "count" -> "count()";
                case "okienko" -> "Okienko queue topology";
                default -> t.name();
            };
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
