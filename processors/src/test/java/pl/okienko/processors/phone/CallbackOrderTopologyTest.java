package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.processors.TestDriverStores;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/**
 * T3/T4 callback obligations decided by event time: the same calls give the same obligations whatever
 * order their events arrive in within the late window (issue 11, finding 8).
 */
class CallbackOrderTopologyTest {

    private static final String OFFICE = "UM-ORDER";
    /** Friday 20 November 2026, 10:00 in Warsaw. */
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** 16:30 in Warsaw, after closing: every obligation of the day is decided. */
    private static final Instant EVENING = Instant.parse("2026-11-20T15:30:00Z");
    private static final PersonalData PERSONAL_DATA =
            new PersonalData("callback-order-test-key".getBytes(StandardCharsets.UTF_8));
    private static final String ANNA = "+48 600 100 200";
    private static final String BOGDAN = "+48 600 300 400";
    private static final String CEZARY = "+48 600 500 600";
    private static final String DOROTA = "+48 600 700 800";
    private static final String EWA = "+48 601 100 200";
    private static final String FRANEK = "+48 601 300 400";

    @TempDir
    Path stateDir;

    @Test
    void shouldOpenANewObligationForAMissedCallElevenMinutesAfterTheCallbackWhenTheAnsweredCallArrivesAtItsEnd()
            throws Exception {
        PhoneEvents events = new PhoneEvents(OFFICE);
        // Anna's missed call opens an obligation; her next call is answered at 10:10:05 and lasts half an hour,
        // so the exchange writes it at 10:40; meanwhile she calls at 10:21 and is missed again.
        List<PhoneEvent> arrival = List.of(
                events.offered("a1", "L1", ANNA, minutes(0)),
                events.unanswered("a1", UnansweredReason.NO_ANSWER, minutes(0).plusSeconds(30)),
                events.offered("a3", "L1", ANNA, minutes(21)),
                events.unanswered("a3", UnansweredReason.NO_ANSWER, minutes(21).plusSeconds(5)),
                events.offered("a2", "L1", ANNA, minutes(10)),
                events.answered("a2", 2, minutes(10).plusSeconds(5)),
                events.ended("a2", minutes(40)));

        try (Run run = new Run(stateDir.resolve("eleven"))) {
            arrival.forEach(run::pipe);

            assertThat(run.callbacks(minutes(45)).callbacks())
                    .extracting(CallbackView::obligationId, CallbackView::openedAt, CallbackView::missedCalls,
                            CallbackView::metAt, CallbackView::metBy, CallbackView::status)
                    .containsExactlyInAnyOrder(
                            tuple("T3-a1", minutes(0).plusSeconds(30), 1, minutes(10).plusSeconds(5),
                                    "CALLER_ANSWERED", "MET_ON_TIME"),
                            tuple("T3-a3", minutes(21).plusSeconds(5), 1, null, null, "OPEN"));
        }
    }

    private static Instant minutes(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** One office's phone topology in a TopologyTestDriver of its own. */
    private static final class Run implements AutoCloseable {

        private final TopologyTestDriver driver;
        private final TestInputTopic<String, PhoneEvent> phoneEvents;
        private final TestOutputTopic<String, Alert> alerts;
        private final PhoneViews views;

        Run(Path stateDir) throws Exception {
            Files.createDirectories(stateDir);
            Properties props = StreamsSettings.properties("okienko-callback-order-test", "dummy:9092", stateDir,
                    Map.of());
            driver = new TopologyTestDriver(PhoneTopology.build(PhoneConfig.defaults(), PERSONAL_DATA), props, T0);
            phoneEvents = driver.createInputTopic(Topics.PHONE_EVENTS.name(), Serdes.String().serializer(),
                    Topics.PHONE_EVENTS.valueSerde().serializer());
            alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                    Topics.ALERTS.valueSerde().deserializer());
            views = new PhoneViews(new TestDriverStores(driver), PhoneConfig.defaults());
            // No business hours listed: Monday to Friday 08:00–16:00.
            driver.createInputTopic(Topics.OFFICES.name(), Serdes.String().serializer(),
                    Topics.OFFICES.valueSerde().serializer())
                    .pipeInput(OFFICE, Office.newBuilder().setOfficeId(OFFICE).setName("Urząd kolejności")
                            .setPhoneLines(List.of(new PhoneLine("L1", null, "Centrala"))).build());
        }

        void pipe(PhoneEvent event) {
            phoneEvents.pipeInput(OFFICE, event, event.getOccurredAt());
        }

        CallbacksView callbacks(Instant now) {
            return views.callbacks(OFFICE, TODAY, "all", now).orElseThrow();
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
