package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/** The demo's phone traffic (T1–T4): written to the phone topic with every number pseudonymised. */
class DemoPhoneTrafficTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void shouldWritePhoneEventsWithPseudonymisedNumbersOnly() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        DemoTraffic demo = new DemoTraffic(producer, SampleOffices.all(), 1, Clock.systemUTC(),
                new PersonalData("demo-phone-test-key-0123".getBytes(StandardCharsets.UTF_8)));
        demo.begin(now);
        Instant due = now;
        while (!due.isAfter(now.plus(Duration.ofMinutes(30)))) {
            due = demo.publishDue(due);
        }

        List<PhoneEvent> phone = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.PHONE_EVENTS.name()))
                .map(r -> Topics.PHONE_EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .toList();
        assertThat(phone).hasSizeGreaterThan(50);
        assertThat(phone).filteredOn(e -> e.getPayload() instanceof CallOffered o && o.getCallerNumber() != null)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(((CallOffered) e.getPayload()).getCallerNumber()).startsWith("h:"));
        assertThat(phone).anyMatch(e -> e.getPayload() instanceof CallbackPromised);
        for (ProducerRecord<byte[], byte[]> record : producer.history()) {
            assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain("+48 5");
        }
        demo.close();
    }

    @Test
    void shouldSendNoPhoneTrafficWithoutPseudonymisation() {
        DemoTraffic demo = new DemoTraffic(producer, SampleOffices.all(), 1, Clock.systemUTC());
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        demo.begin(now);
        Instant due = now;
        while (!due.isAfter(now.plus(Duration.ofMinutes(10)))) {
            due = demo.publishDue(due);
        }
        assertThat(producer.history()).isNotEmpty()
                .noneMatch(r -> r.topic().equals(Topics.PHONE_EVENTS.name()));
        demo.close();
    }
}
