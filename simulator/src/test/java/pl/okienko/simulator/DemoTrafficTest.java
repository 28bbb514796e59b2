package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.topics.Topics;

class DemoTrafficTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void publishes_the_first_events_within_seconds_to_the_catalogue_topics_keyed_by_office() throws InterruptedException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DemoTraffic demo = new DemoTraffic(producer, SampleOffices.all(), 1, Clock.systemUTC())) {
            demo.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (producer.history().size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(demo.published()).isGreaterThanOrEqualTo(6);
        }

        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>(producer.history());
        assertThat(sent).allSatisfy(record -> {
            assertThat(record.topic()).isIn(Topics.QUEUE_EVENTS.name(), Topics.DESK_EVENTS.name());
            SpecificRecord event = decode(record);
            assertThat(Topics.QUEUE_EVENTS.keySerde().deserializer().deserialize(record.topic(), record.key()))
                    .isEqualTo(Days.officeId(event));
            assertThat(record.timestamp()).isEqualTo(Days.occurredAt(event).toEpochMilli());
            assertThat(Instant.ofEpochMilli(record.timestamp())).isBetween(started, Instant.now());
        });
        assertThat(sent).extracting(ProducerRecord::topic).contains(Topics.DESK_EVENTS.name());
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void runs_day_after_day_with_fresh_ids_and_never_sends_the_future() {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        DemoTraffic demo = new DemoTraffic(producer, SampleOffices.all(), 1, Clock.systemUTC());
        demo.begin(now);

        Instant due = now;
        for (int hour = 0; hour < 6; hour++) {
            Instant until = now.plus(Duration.ofHours(hour + 1));
            while (!due.isAfter(until)) {
                due = demo.publishDue(due);
            }
            Instant sentUntil = until;
            assertThat(producer.history()).allSatisfy(record -> assertThat(record.timestamp()).isLessThanOrEqualTo(sentUntil.toEpochMilli()));
        }

        Set<String> eventIds = new HashSet<>();
        // Incident events (I1) and the survey kiosks' answers (S1) go to their own topics; the replay below checks
        // the queue and desk days.
        assertThat(producer.history()).anySatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.INCIDENT_EVENTS.name()));
        assertThat(producer.history()).anySatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.SURVEY_EVENTS.name()));
        List<SpecificRecord> events = producer.history().stream()
                .filter(r -> !r.topic().equals(Topics.INCIDENT_EVENTS.name()) && !r.topic().equals(Topics.SURVEY_EVENTS.name()))
                .map(DemoTrafficTest::decode).toList();
        events.forEach(event -> assertThat(eventIds.add(event instanceof QueueEvent q ? q.getEventId() : ((DeskEvent) event).getEventId())).isTrue());
        assertThat(events).hasSizeGreaterThan(1_000);
        Replay replay = Replay.of(events.stream().sorted(Comparator.comparing(Days::occurredAt)).toList());
        assertThat(replay.violations).isEmpty();
        demo.close();
    }

    private static SpecificRecord decode(ProducerRecord<byte[], byte[]> record) {
        return record.topic().equals(Topics.QUEUE_EVENTS.name())
                ? Topics.QUEUE_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value())
                : Topics.DESK_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
}
