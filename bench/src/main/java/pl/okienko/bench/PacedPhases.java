package pl.okienko.bench;

import java.util.List;

import picocli.CommandLine.Option;

import pl.okienko.bench.Counts.NonNegative;
import pl.okienko.bench.Counts.Positive;

/**
 * The paced phases of a latency measurement, as flags: one phase per rate, each a warm-up whose samples are dropped and
 * then the time whose samples are kept. Shared by {@code bench/run}'s queue latency and the person latency tool.
 */
public final class PacedPhases {

    @Option(names = "--rate", paramLabel = "N", split = ",", converter = Positive.class, defaultValue = "5000,2000",
            description = "events/s of the paced phases, one phase per rate (default ${DEFAULT-VALUE})")
    List<Long> rates;

    @Option(names = "--warmup-seconds", paramLabel = "N", converter = NonNegative.class, defaultValue = "10",
            description = "paced traffic before samples are kept (default ${DEFAULT-VALUE})")
    long warmupSeconds;

    @Option(names = "--latency-seconds", paramLabel = "N", converter = Positive.class, defaultValue = "60",
            description = "paced traffic whose latencies are kept (default ${DEFAULT-VALUE})")
    long latencySeconds;

    /** Events per second of each phase, in the order they run. */
    public List<Integer> rates() {
        return rates.stream().map(Math::toIntExact).toList();
    }

    public int warmupSeconds() {
        return Math.toIntExact(warmupSeconds);
    }

    public int latencySeconds() {
        return Math.toIntExact(latencySeconds);
    }
}
