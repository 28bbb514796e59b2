package pl.okienko.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import pl.okienko.bench.person.PersonLatency;

class ResultsTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.parse("2026-12-06T15:00:00Z");
    private static final Duration TOOK = Duration.ofSeconds(17 * 60 + 33);

    private static BenchOptions options(String... argv) {
        CommandLine cli = BenchOptions.commandLine();
        cli.parseArgs(argv);
        return BenchOptions.options(cli, argv);
    }

    private static Results.Throughput run(String name, long events, double seconds) {
        return run(name, events, seconds, 0);
    }

    private static Results.Throughput run(String name, long events, double seconds, double cpuMicrosPerEvent) {
        return new Results.Throughput(name, events, seconds, 1.0, cpuMicrosPerEvent);
    }

    private static Results results() {
        Map<String, Integer> day = new LinkedHashMap<>();
        day.put("okienko.events.queue", 900);
        day.put("okienko.events.desk", 100);
        day.put("okienko.events.incident", 200);
        Results.Input input = new Results.Input(day, 30, 1.5, 120_000);
        Results.Input incidents = new Results.Input(Map.of("okienko.events.incident", 800), 40, 0, 40_000);
        List<Results.Line> lines = List.of(
                new Results.Line(Family.QUEUE, 1_000, run("p", 1_000, 0.1), run("c", 1_000, 0.05, 4.25), run("q", 1_000, 0.5, 412.5)),
                new Results.Line(Family.INCIDENTS, 1_000, run("p", 1_000, 0.2), run("c", 1_000, 0.25, 6.0), run("i", 1_000, 2.0, 1_750.0)));
        Results.WholeApp whole = new Results.WholeApp(1_200, 7, 0.6, 2.5, Map.of(Family.QUEUE, 0.5));
        Results.Setup setup = new Results.Setup(Broker.Placement.SEPARATE, new Results.Producer(1_200, 144_000, 0.012), whole, lines);
        List<Results.GridPoint> grid = List.of(new Results.GridPoint(1, 3, run("g", 1_000, 0.5)),
                new Results.GridPoint(2, 3, run("g", 1_000, 0.25)), new Results.GridPoint(1, 12, run("g", 1_000, 0.4)));
        List<PersonLatency.Result> person = List.of(
                new PersonLatency.Result(5_000, 4_998.4, 0, new PersonLatency.Probe(72, 10_431, 16_815, 16_815, 0),
                        new PersonLatency.Probe(71, 184, 763, 763, 1)),
                new PersonLatency.Result(2_000, 2_000.6, 1_250, new PersonLatency.Probe(67, 640, 1_302, 1_330, 0),
                        new PersonLatency.Probe(68, 20, 57, 57, 0)));
        return new Results(options("--events", "1000", "--warmup-seconds", "5", "--latency-seconds", "40", "--person-offices", "12",
                "--no-doc"), input, Map.of(Family.INCIDENTS, incidents), List.of(setup), grid,
                new Results.Input(Map.of("okienko.events.queue", 1_000), 30, 0.5, 100_000), List.of(), person,
                new Results.Replay(2, 5, java.time.LocalDate.of(2026, 11, 15), java.time.LocalDate.of(2026, 11, 16),
                        new Results.WholeApp(90_000, 12, 30.0, 3.0, Map.of())));
    }

    private static String markdown() {
        return new Results.Text(results(), WHEN, TOOK, "2 cores", "JDK 17", "checkout abc").markdown();
    }

    @Test
    void shouldGiveEachTopologyOneLineWithItsBaselinesAndRatios() {
        assertThat(markdown()).contains(
                "| queue (Q1–Q5, P1, P2) | queue + desk | 1,000 | 10,000 | 20,000 | 2,000 | **0.200** | **0.100** | 412.5 (4.3) |\n",
                "| incidents (I1) | incident | 1,000 | 5,000 | 4,000 | 500 | **0.100** | **0.125** | 1,750.0 (6.0) |\n");
    }

    @Test
    void shouldShowTheWholeApplicationsRateAndTheBrokerItRanOn() {
        assertThat(markdown()).contains("**The whole application, broker in a JVM of its own**",
                "the alerts' group last (its input is the 7 alert steps the others raised): **2,000 events/s** (0.6 s).",
                "Caught up after: queue 0.5 s.",
                "Raw producer: the whole day, 1,200 events, 12.0 MB/s, 100,000 events/s.");
    }

    @Test
    void shouldLayTheScalingCurveOutByThreadsAndPartitionsLeavingPointsNotRunEmpty() {
        assertThat(markdown()).contains("""
                | stream threads | 3 partitions | 12 partitions |
                |---:|---:|---:|
                | 1 | 2,000 | 2,500 |
                | 2 | 4,000 | |
                """);
    }

    @Test
    void shouldDescribeTheDayAndWhatWasAddedToASmallFamily() {
        assertThat(markdown()).contains(
                "| input | 1,200 events of 30 offices' business day 2026-11-16 (900 queue, 100 desk, 200 incident), "
                        + "queue arrival scale 1.50, 100 bytes/event |",
                "| incidents line | the day's 200 events and 800 events of 40 offices' business day 2026-11-16 (800 incident), 50 bytes/event |",
                "| duration | 17.6 minutes, from the first step to the results (the build before them not counted) |",
                "| command | `bench/run --events 1000 --warmup-seconds 5 --latency-seconds 40 --person-offices 12 --no-doc` |");
    }

    @Test
    void shouldGiveTheReplaysRateAndLength() {
        assertThat(markdown()).contains("**Replay**: 2 days (2026-11-15 to 2026-11-16) of 5 offices, every family of an ordinary day"
                + " (arrival scale 1), 90,000 events,", "from the earliest offset, broker in the benchmark's JVM: **3,000 events/s**,",
                "0.5 minutes (12 alert steps raised).");
    }

    @Test
    void shouldGiveTheLatencyToThePersonOneRowPerRateInTheOrderRun() {
        assertThat(markdown()).contains("""
                while background traffic of 12 simulated offices is posted to `POST /api/v1/events` at each rate: 5 s warm-up, then 40 s measured.
                """, """
                | background, events/s | achieved events/s | refused | event → office tile, p50 / p99 / max ms (samples) \
                | incident → console, p50 / p99 / max ms (samples) |
                |---:|---:|---:|---|---|
                | 5,000 | 4,998 | 0 | 10,431 / 16,815 / 16,815 (72) | 184 / 763 / 763 (71, 1 not seen in 30 s) |
                | 2,000 | 2,001 | 1,250 | 640 / 1,302 / 1,330 (67) | 20 / 57 / 57 (68) |
                """);
    }

    @Test
    void shouldPutEveryItemInTheOneBlockBetweenTheMarkers() {
        String markdown = markdown();

        assertThat(markdown).startsWith(Results.BLOCK_START).endsWith(Results.BLOCK_END);
        assertThat(markdown.indexOf("**Throughput, broker")).isLessThan(markdown.indexOf("**Scaling curve**"));
        assertThat(markdown.indexOf("**Scaling curve**")).isLessThan(markdown.indexOf("**Replay**"));
        assertThat(markdown.indexOf("**Replay**")).isLessThan(markdown.indexOf("**Latency to the person**"));
    }

    @Test
    void shouldLeaveTheLatencyToThePersonOutWhenItWasNotRun() {
        Results r = results();
        Results without = new Results(r.options(), r.day(), r.topUps(), r.setups(), r.grid(), r.gridDay(), r.latencies(), List.of(),
                r.replay());

        assertThat(new Results.Text(without, WHEN, TOOK, "2 cores", "JDK 17", "checkout abc").markdown()).doesNotContain("Latency to the person");
    }

    @Test
    void shouldReplaceOnlyTheBlockBetweenTheMarkers(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\nbefore\n\n" + Results.BLOCK_START + "\nold\n" + Results.BLOCK_END + "\n\nafter\n");

        Results.writeBlock(doc, Results.BLOCK_START + "\nnew\n" + Results.BLOCK_END);

        assertThat(Files.readString(doc)).isEqualTo(
                "# Benchmarks\n\nbefore\n\n" + Results.BLOCK_START + "\nnew\n" + Results.BLOCK_END + "\n\nafter\n");
    }
}
