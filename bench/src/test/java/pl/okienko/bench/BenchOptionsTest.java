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

        assertThat(options.events()).isEqualTo(600_000L);
        assertThat(options.offices()).isEqualTo(500);
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.rates()).containsExactly(5_000, 2_000);
        assertThat(options.warmupSeconds()).isEqualTo(10);
        assertThat(options.latencySeconds()).isEqualTo(60);
        assertThat(options.probeEvery()).isEqualTo(10);
        assertThat(options.seed()).isEqualTo(20261121L);
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
    void shouldKeepTheListedRatesInOrder() {
        assertThat(parse("--rate", "1,2,3").rates()).isEqualTo(List.of(1, 2, 3));
    }
}
