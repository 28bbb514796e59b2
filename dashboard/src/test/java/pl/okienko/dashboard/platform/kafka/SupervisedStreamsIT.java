package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.backoff.BackOffExecution;


/**
 * A Kafka Streams application that fails for good (state ERROR) is started again with back-off, on a
 * real KRaft broker: it says why while it is down, runs again, and counts what arrived meanwhile once.
 */
class SupervisedStreamsIT {

    private static final String APPLICATION = "okienko-supervised-it";
    private static final String INPUT = APPLICATION + "-input";
    private static final String STORE = "supervised-counts";

    @RegisterExtension
    static final TestBroker broker = TestBroker.withTopics(INPUT);

    @Test
    void shouldRestartAnApplicationThatFailedForGoodWithBackoffAndSayWhyWhileDown() throws Exception {
        // The first two instances fail while starting their task, as a topology stopped by one cause would.
        AtomicInteger created = new AtomicInteger();
        List<Boolean> downSeen = new ArrayList<>();
        Properties config = broker.streamsSettings(APPLICATION);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SupervisedStreams supervised = new SupervisedStreams(APPLICATION,
                () -> new KafkaStreams(topology(created.incrementAndGet() <= 2), config), scheduler,
                BackOffs.doubling(Duration.ofMillis(200), Duration.ofSeconds(2)), Clock.systemUTC(), streams -> { });
        boolean closedCleanly;
        try {
            produce("k", 3);
            supervised.start(KafkaStreams::start);

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                downSeen.add(supervised.down());
                return supervised.lastFailure().isPresent() && supervised.down();
            });
            assertThat(supervised.lastFailure().orElseThrow().reason()).contains("poisoned start");

            await().atMost(Duration.ofSeconds(90)).until(() -> supervised.current().state() == KafkaStreams.State.RUNNING
                    && count(supervised.current()) == 3L);
            assertThat(created).hasValue(3);
            assertThat(supervised.down()).isFalse();
            assertThat(supervised.lastFailure()).isEmpty();

            produce("k", 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(supervised.current()) == 5L);
        } finally {
            closedCleanly = supervised.close();
            scheduler.shutdownNow();
        }
        assertThat(closedCleanly).isTrue();
        assertThat(downSeen).contains(true);
    }

    @Test
    void shouldDoubleTheBackoffForEveryFailureInARowUpToTheMaximum() {
        BackOffExecution waits = BackOffs.doubling(Duration.ofSeconds(1), Duration.ofMinutes(5)).start();
        List<Long> seconds = new ArrayList<>();
        for (int failure = 1; failure <= 1000; failure++) {
            seconds.add(waits.nextBackOff() / 1000);
        }

        assertThat(seconds.subList(0, 10)).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L);
        assertThat(seconds.subList(10, 1000)).containsOnly(300L);
    }

    /** Counts records per key; a poisoned instance fails when its task starts. */
    private static Topology topology(boolean poisoned) {
        return StoreTopology.of("supervised", "count", INPUT, STORE, Serdes.Long(), counts -> {
            if (poisoned) {
                throw new IllegalStateException("poisoned start");
            }
            return record -> {
                Long count = counts.get(record.key());
                counts.put(record.key(), count == null ? 1 : count + 1);
            };
        });
    }

    private static long count(KafkaStreams streams) {
        try {
            Long count = streams.store(StoreQueryParameters.fromNameAndType(STORE,
                    QueryableStoreTypes.<String, Long>keyValueStore())).get("k");
            return count == null ? 0 : count;
        } catch (RuntimeException notQueryableYet) {
            return -1;
        }
    }

    private static void produce(String key, int records) {
        broker.produce(IntStream.range(0, records).mapToObj(i -> new ProducerRecord<>(INPUT, key, "r" + i)).toList());
    }
}
