package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.schemas.PersonalData;

/** A demo stopped mid-day and started again hours later finishes the day it left, event for event. */
class DemoRestartTest {

    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");
    /** Past the end of the first day, however long its last clients take. */
    private static final Instant RESTART = START.plus(Duration.ofHours(3));

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_demo_publishes_exactly_the_uninterrupted_day_so_every_visit_ends_as_simulated() {
        Path progressFile = dataDir.resolve("demo-progress.properties");
        MockProducer<byte[], byte[]> first = producer();
        DemoTraffic stopped = demo(first, progressFile);
        stopped.begin(START);
        playUntil(stopped, START, START.plus(Duration.ofMinutes(20)));
        stopped.close();

        MockProducer<byte[], byte[]> second = producer();
        DemoTraffic resumed = demo(second, progressFile);
        resumed.begin(RESTART);
        resumed.publishDue(RESTART);

        MockProducer<byte[], byte[]> uninterrupted = producer();
        DemoTraffic reference = demo(uninterrupted, null);
        reference.begin(START);
        playUntil(reference, START, RESTART);

        // the resumed run's one publishDue sends what remained of the first day; its next day comes later
        List<ProducerRecord<byte[], byte[]>> restarted = new ArrayList<>(first.history());
        restarted.addAll(second.history());
        assertThat(first.history()).isNotEmpty();
        assertThat(second.history()).as("the rest of the first day, published on restart").isNotEmpty();
        Map<String, List<String>> restartedByOffice = byOffice(restarted);
        Map<String, List<String>> uninterruptedByOffice = byOffice(uninterrupted.history());
        assertThat(restartedByOffice.keySet()).containsExactlyInAnyOrderElementsOf(uninterruptedByOffice.keySet());
        restartedByOffice.forEach((office, lines) -> assertThat(lines).as(office)
                .containsExactlyElementsOf(uninterruptedByOffice.get(office).subList(0, lines.size())));
        // and that was the whole first day: every office has moved on to its second
        assertThat(new DemoProgress(progressFile).load().values()).hasSize(restartedByOffice.size())
                .allSatisfy(position -> assertThat(position.day()).isEqualTo(2));
        resumed.close();
        reference.close();
    }

    private static MockProducer<byte[], byte[]> producer() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static DemoTraffic demo(MockProducer<byte[], byte[]> producer, Path progressFile) {
        return new DemoTraffic(producer, SampleOffices.all(), 1, Clock.systemUTC(),
                new PersonalData("demo-restart-test-key-0123".getBytes(StandardCharsets.UTF_8)), progressFile);
    }

    private static void playUntil(DemoTraffic demo, Instant from, Instant until) {
        Instant due = from;
        while (!due.isAfter(until)) {
            due = demo.publishDue(due);
        }
    }

    /** Each office's records in the order sent, each as one comparable line: topic, time and value. */
    private static Map<String, List<String>> byOffice(List<ProducerRecord<byte[], byte[]>> records) {
        Base64.Encoder base64 = Base64.getEncoder();
        return records.stream().collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8),
                Collectors.mapping(r -> r.topic() + " " + r.timestamp() + " " + base64.encodeToString(r.value()),
                        Collectors.toList())));
    }
}
