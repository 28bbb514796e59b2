package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.processors.common.StreamsSettings;

/**
 * A process killed while RocksDB creates a window segment leaves a segment directory whose
 * {@code CURRENT} names a manifest that was never written; Kafka Streams then cannot start (seen
 * in the kill -9 restart test). The runtime must wipe that local state and rebuild it from the
 * changelog, with the same figures.
 */
class StreamsRuntimeRecoveryIT {

    private static final String RECOVERED = "okienko-recovery-it";
    private static final String KEPT = "okienko-recovery-it-kept";
    private static final String STORE = "recovery-counts";
    /** Recent: a window store's changelog deletes records older than the store's retention plus a day. */
    private static final Instant START = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.HOURS);

    @TempDir
    static Path directory;

    // One input topic per test: stream time from one test's calls must not make the other's late.
    @RegisterExtension
    static final TestBroker broker = TestBroker.withTopics(input(RECOVERED), input(KEPT));

    @Test
    void shouldRebuildStateThatRocksDbCannotOpenAfterAnUncleanStop() throws Exception {
        String applicationId = RECOVERED;
        Path stateDir = directory.resolve("streams-recovered");
        long expected = runAndBreakOneSegment(applicationId, stateDir);

        CleanStopMarker marker = new CleanStopMarker(stateDir);
        assertThat(marker.lastRunStoppedCleanly(applicationId)).isFalse();
        KafkaStreams restarted = newStreams(applicationId, stateDir);
        try {
            StreamsRuntime.start(applicationId, restarted, !marker.lastRunStoppedCleanly(applicationId));
            awaitCount(restarted, applicationId, expected);
        } finally {
            restarted.close(Duration.ofSeconds(30));
        }
    }

    /** Why the wipe is needed: without it Kafka Streams 4.3 does not start on such a directory at all. */
    @Test
    void shouldNotStartOnABrokenSegmentWhenTheStateIsKept() throws Exception {
        String applicationId = KEPT;
        Path stateDir = directory.resolve("streams-kept");
        runAndBreakOneSegment(applicationId, stateDir);

        KafkaStreams restarted = newStreams(applicationId, stateDir);
        try {
            assertThatThrownBy(() -> StreamsRuntime.start(applicationId, restarted, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("start Okienko again")
                    .hasCauseInstanceOf(ProcessorStateException.class);
        } finally {
            restarted.close(Duration.ofSeconds(30));
        }
    }

    /**
     * Counts eight calls in two window segments, stops as a killed process would (no clean-stop
     * marker) and removes the manifests of the newest segment; returns the count.
     */
    private static long runAndBreakOneSegment(String applicationId, Path stateDir) throws IOException {
        // Two window segments (12 h apart with one day of retention): 5 calls in the first, 3 in the second.
        produce(applicationId, Stream.concat(
                Stream.of(0, 1, 2, 3, 4).map(minute -> START.plus(Duration.ofMinutes(minute))),
                Stream.of(0, 1, 2).map(minute -> START.plus(Duration.ofHours(13)).plus(Duration.ofMinutes(minute))))
                .toList());
        long expected = 5 + 3;
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        KafkaStreams first = newStreams(applicationId, stateDir);
        marker.running(applicationId);
        StreamsRuntime.start(applicationId, first, !marker.lastRunStoppedCleanly(applicationId));
        awaitCount(first, applicationId, expected);
        first.close(Duration.ofSeconds(30));
        breakNewestSegment(applicationId, stateDir);
        return expected;
    }

    private static void produce(String key, List<Instant> timestamps) {
        broker.produce(timestamps.stream()
                .map(at -> new ProducerRecord<>(input(key), 0, at.toEpochMilli(), key, "call")).toList());
    }

    private static KafkaStreams newStreams(String applicationId, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input(applicationId), Consumed.with(Serdes.String(), Serdes.String()).withName("recovery-source"))
                .groupByKey(Grouped.with("recovery-group", Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
                .count(Named.as("recovery-count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()).withRetention(Duration.ofDays(1)));
        Topology topology = builder.build();
        // Static membership as in StreamsRuntime: the next instance takes the failed one's place at once.
        Map<String, Object> overrides = Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId + "-instance");
        return new KafkaStreams(topology, StreamsSettings.properties(applicationId, broker.bootstrapServers(), stateDir, overrides));
    }

    private static String input(String applicationId) {
        return applicationId + "-input";
    }

    /** Each test counts calls under its own key, the application id. */
    private static void awaitCount(KafkaStreams streams, String key, long expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            ReadOnlyWindowStore<String, Long> store = streams.store(
                    StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.windowStore()));
            AtomicLong total = new AtomicLong();
            try (var iterator = store.fetch(key, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)))) {
                iterator.forEachRemaining(entry -> total.addAndGet(entry.value));
            }
            assertThat(total).hasValue(expected);
        });
    }

    /** What a kill during segment creation leaves: the segment's CURRENT names a manifest that is not there. */
    private static void breakNewestSegment(String applicationId, Path stateDir) throws IOException {
        Path storeDir = stateDir.resolve(applicationId).resolve("0_0").resolve(STORE);
        Path segment;
        try (Stream<Path> segments = Files.list(storeDir)) {
            segment = segments.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (Stream<Path> files = Files.list(segment)) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList()) {
                Files.delete(manifest);
            }
        }
    }
}
