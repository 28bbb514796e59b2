package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingestion's transactional publisher on a real KRaft broker, with many senders at once: batches that wait
 * together share a transaction, yet each is written all or nothing and exactly once, and a batch the broker
 * refuses fails alone.
 */
class RecordPublisherIT {

    private static final String EVENTS = "publisher-it-events";
    private static final String OTHER_EVENTS = "publisher-it-other-events";
    /** A topic whose records may hold at most 2 KiB: the broker refuses a larger one for good. */
    private static final String SMALL = "publisher-it-small";
    private static final int SENDERS = 8;
    private static final int BATCHES = 25;
    private static final int RECORDS = 4;

    @RegisterExtension
    static final TestBroker broker = TestBroker.withTopics(EVENTS, OTHER_EVENTS);

    @Test
    void shouldWriteEveryBatchOfManySendersExactlyOnce() throws Exception {
        try (RecordPublisher publisher = publisher("publisher-it-1")) {
            runSenders(SENDERS, sender -> {
                for (int b = 0; b < BATCHES; b++) {
                    publisher.publish(batch(EVENTS, "s" + sender + "-b" + b));
                }
            });
        }

        List<String> values = readCommitted(EVENTS, SENDERS * BATCHES * RECORDS);
        assertThat(values).hasSize(SENDERS * BATCHES * RECORDS).doesNotHaveDuplicates();
        assertThat(values).contains("s0-b0-r0", "s7-b24-r3");
    }

    @Test
    void shouldFailOnlyTheBatchTheBrokerRefusesAndWriteTheOthers() throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(SMALL, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2048")))).all().get();
        }
        byte[] tooLarge = new byte[16 * 1024];
        new Random(7).nextBytes(tooLarge);
        List<Throwable> refusals = new ArrayList<>();
        try (RecordPublisher publisher = publisher("publisher-it-2")) {
            runSenders(SENDERS, sender -> {
                for (int b = 0; b < BATCHES; b++) {
                    if (sender == 0 && b == BATCHES / 2) {
                        try {
                            publisher.publish(List.of(new ProducerRecord<>(SMALL, "k", tooLarge)));
                        } catch (RecordPublisher.PublishException e) {
                            synchronized (refusals) {
                                refusals.add(e);
                            }
                        }
                    }
                    publisher.publish(batch(OTHER_EVENTS, "s" + sender + "-b" + b));
                }
            });
        }

        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).isInstanceOf(RecordPublisher.RefusedException.class);
        assertThat(readCommitted(SMALL, 0)).isEmpty();
        List<String> values = readCommitted(OTHER_EVENTS, SENDERS * BATCHES * RECORDS);
        assertThat(values).hasSize(SENDERS * BATCHES * RECORDS).doesNotHaveDuplicates();
    }

    private static RecordPublisher publisher(String transactionalId) {
        return new RecordPublisher(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                "max.block.ms", 10_000), transactionalId);
    }

    private static List<ProducerRecord<String, byte[]>> batch(String topic, String name) {
        return IntStream.range(0, RECORDS)
                .mapToObj(r -> new ProducerRecord<>(topic, name, (name + "-r" + r).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** Runs {@code senders} threads that start together, and fails if any of them failed. */
    private static void runSenders(int senders, SenderWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(sender);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface SenderWork {
        void run(int sender) throws Exception;
    }

    private static List<String> readCommitted(String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "publisher-it-reader-" + topic);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // reads on for a while after the expected count, so that a duplicate would show
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return values;
    }
}
