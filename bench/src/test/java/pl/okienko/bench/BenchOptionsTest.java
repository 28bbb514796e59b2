package pl.okienko.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class BenchOptionsTest {

    private static BenchOptions parse(String... argv) {
        CommandLine cli = BenchOptions.commandLine();
        String[] args = BenchOptions.nonBlank(argv);
        cli.parseArgs(args);
        return BenchOptions.options(cli, args);
    }

    @Test
    void shouldGiveTheDocumentedDefaultsWhenNoFlagIsGiven() {
        BenchOptions options = parse("");

        assertThat(options.events()).isEqualTo(100_000L);
        assertThat(options.offices()).isEqualTo(93);
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.rates()).containsExactly(5_000, 2_000);
        assertThat(options.warmupSeconds()).isEqualTo(10);
        assertThat(options.latencySeconds()).isEqualTo(60);
        assertThat(options.probeEvery()).isEqualTo(10);
        assertThat(options.seed()).isEqualTo(20261121L);
        assertThat(options.familyEvents()).isEqualTo(60_000L);
        assertThat(options.brokers()).containsExactly(Broker.Placement.IN_PROCESS, Broker.Placement.SEPARATE);
        assertThat(options.grid()).isEqualTo(BenchOptions.Grid.FULL);
        assertThat(options.gridEvents()).isEqualTo(60_000L);
        assertThat(options.latency()).isFalse();
        assertThat(options.appJar()).isEqualTo(options.doc().getParent().getParent().resolve(Path.of("dashboard", "target", "okienko.jar")));
        assertThat(options.personOffices()).isEqualTo(100);
        assertThat(options.replayDays()).isEqualTo(30);
        assertThat(options.replayOffices()).isEqualTo(200);
        assertThat(options.doc().getFileName()).isEqualTo(Path.of("benchmarks.md"));
        assertThat(options.args()).isEmpty();
    }

    @Test
    void shouldReadEveryFlagAndKeepThemAsGivenForTheReport() {
        BenchOptions options = parse("--events", "2_000_000", "--offices", "7", "--partitions", "6", "--rate", "300, 100",
                "--warmup-seconds", "0", "--latency-seconds", "5", "--probe-every", "3", "--seed", "-4", "--no-doc");

        assertThat(options.events()).isEqualTo(2_000_000L);
        assertThat(options.offices()).isEqualTo(7);
        assertThat(options.partitions()).isEqualTo(6);
        assertThat(options.rates()).containsExactly(300, 100);
        assertThat(options.warmupSeconds()).isZero();
        assertThat(options.latencySeconds()).isEqualTo(5);
        assertThat(options.probeEvery()).isEqualTo(3);
        assertThat(options.seed()).isEqualTo(-4L);
        assertThat(options.doc()).isNull();
        assertThat(options.args()).containsExactly("--events", "2_000_000", "--offices", "7", "--partitions", "6", "--rate",
                "300, 100", "--warmup-seconds", "0", "--latency-seconds", "5", "--probe-every", "3", "--seed", "-4", "--no-doc");
        assertThat(options.pacedEvents()).isEqualTo(300L * 5);
    }

    @Test
    void shouldWriteToTheGivenFileWhenDocIsGiven() {
        assertThat(parse("--doc", "/tmp/out.md").doc()).isEqualTo(Path.of("/tmp/out.md"));
    }

    @Test
    void shouldRefuseZeroNegativeAndNonNumbers() {
        assertThatThrownBy(() -> parse("--events", "0")).isInstanceOf(ParameterException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> parse("--rate", "5000,0")).isInstanceOf(ParameterException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> parse("--warmup-seconds", "-1")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> parse("--offices", "many")).isInstanceOf(ParameterException.class).hasMessageContaining("needs a number");
    }

    @Test
    void shouldRefuseUnknownFlagsMissingValuesAndBothDocFlags() {
        assertThatThrownBy(() -> parse("--speed", "3")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--events")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--doc", "a.md", "--no-doc")).isInstanceOf(ParameterException.class);
    }

    @Test
    void shouldAskForUsageWhenHelpIsGiven() {
        CommandLine cli = BenchOptions.commandLine();
        cli.parseArgs("-h");
        assertThat(cli.isUsageHelpRequested()).isTrue();
        assertThat(cli.getUsageMessage()).contains("--events=N", "--rate=N[,N...]", "--no-doc", "--doc=PATH");
    }

    @Test
    void shouldReadTheBrokerPlacementTheGridAndTheSkippedLatency() {
        BenchOptions options = parse("--broker", "separate", "--grid", "full", "--grid-events", "5_000", "--family-events", "0",
                "--no-latency", "--replay-days", "30", "--replay-offices", "12");

        assertThat(options.brokers()).containsExactly(Broker.Placement.SEPARATE);
        assertThat(options.grid().points).hasSize(9).contains(new BenchOptions.GridPoint(2, 6), new BenchOptions.GridPoint(4, 12));
        assertThat(options.gridEvents()).isEqualTo(5_000L);
        assertThat(options.familyEvents()).isZero();
        assertThat(options.latency()).isFalse();
        assertThat(options.replayDays()).isEqualTo(30);
        assertThat(options.replayOffices()).isEqualTo(12);
        assertThat(parse("--broker", "in-process", "--grid", "NONE").brokers()).containsExactly(Broker.Placement.IN_PROCESS);
        assertThat(parse("--grid", "none").grid().points).isEmpty();
        assertThat(parse("--broker", "none").brokers()).isEmpty();
    }

    @Test
    void shouldRunTheTopologyLatencyPhasesOnlyWhenAskedAndStillAcceptTheOldFlagThatSkippedThem() {
        assertThat(parse("--topology-latency").latency()).isTrue();
        assertThat(parse("--no-latency").latency()).isFalse();
        assertThat(parse("--topology-latency", "--no-latency").latency()).isFalse();
    }

    @Test
    void shouldTakeTheGivenApplicationJarOrNoneForTheLatencyToThePerson() {
        BenchOptions given = parse("--app-jar", "/tmp/okienko.jar", "--person-offices", "7");

        assertThat(given.appJar()).isEqualTo(Path.of("/tmp/okienko.jar"));
        assertThat(given.personOffices()).isEqualTo(7);
        assertThat(parse("--no-person").appJar()).isNull();
        assertThat(parse("--replay-days", "0").replayDays()).isZero();
        assertThatThrownBy(() -> parse("--app-jar", "a.jar", "--no-person")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--person-offices", "0")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void shouldRunTheReducedGridAsThreadsAtThreePartitionsAndPartitionsAtOneThread() {
        assertThat(parse("--grid", "reduced").grid().points).containsExactly(new BenchOptions.GridPoint(1, 3), new BenchOptions.GridPoint(2, 3),
                new BenchOptions.GridPoint(4, 3), new BenchOptions.GridPoint(1, 12), new BenchOptions.GridPoint(4, 12));
    }

    @Test
    void shouldRefuseAnUnknownBrokerPlacementOrGrid() {
        assertThatThrownBy(() -> parse("--broker", "remote")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be in-process, separate, both or none");
        assertThatThrownBy(() -> parse("--grid", "half")).isInstanceOf(ParameterException.class);
    }

    @Test
    void shouldKeepTheListedRatesInOrder() {
        assertThat(parse("--rate", "1,2,3").rates()).isEqualTo(List.of(1, 2, 3));
    }
}
