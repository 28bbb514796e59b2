package pl.okienko.processors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.processors.common.state.EventIdBatch;
import pl.okienko.processors.common.state.OfficeClockState;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.incidents.state.HotspotState;
import pl.okienko.processors.incidents.state.IncidentCounts;
import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.Topics;

/**
 * The incident processor driven directly. The acknowledgement timer survives a restart: the deadline is part of
 * the incident's stored state (restored from its changelog), so a new processor instance with no memory of the old
 * one raises the alert again at the same wall-clock time.
 */
class IncidentRestartTest {

    private static final long T0 = Instant.parse("2026-11-20T09:00:00Z").toEpochMilli();

    private final List<StateStore> stores = new ArrayList<>();

    @Test
    void aPendingAcknowledgementTimerFiresOnTimeAfterARestart() {
        MockProcessorContext<Object, Object> before = context(T0);
        IncidentProcessor first = new IncidentProcessor(IncidentConfig.defaults(), IncidentListener.NONE);
        first.init(before);
        IncidentEvent panic = new IncidentEvents("UM-TEST").panic("p1", "D1", Instant.ofEpochMilli(T0));
        first.process(new Record<>("UM-TEST", (SpecificRecord) panic, T0));
        assertThat(alerts(before)).extracting(Alert::getState).containsExactly(AlertState.RAISED);
        first.close();

        // The application stops at T0 + 10 s and comes back at T0 + 40 s with the restored stores.
        MockProcessorContext<Object, Object> after = context(T0 + 40_000);
        IncidentProcessor restarted = new IncidentProcessor(IncidentConfig.defaults(), IncidentListener.NONE);
        restarted.init(after);
        // The incident timers tick every second, as does the sweep of old event ids: both run at each instant.
        punctuate(after, T0 + 59_999);
        assertThat(alerts(after)).isEmpty();
        punctuate(after, T0 + 60_000);
        assertThat(alerts(after)).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RERAISED);
            assertThat(a.getAt()).isEqualTo(Instant.ofEpochMilli(T0 + 60_000));
            assertThat(a.getDetails()).containsEntry("escalation", "POLICE");
        });
    }

    @Test
    void shouldTellTheListenerOfTheOfficeWhenAnEventOrATimerChangesAnIncident() {
        List<String> changed = new ArrayList<>();
        MockProcessorContext<Object, Object> context = context(T0);
        IncidentProcessor processor = new IncidentProcessor(IncidentConfig.defaults(), changed::add);
        processor.init(context);
        IncidentEvent panic = new IncidentEvents("UM-TEST").panic("p1", "D1", Instant.ofEpochMilli(T0));
        processor.process(new Record<>("UM-TEST", (SpecificRecord) panic, T0));
        assertThat(changed).containsExactly("UM-TEST");

        punctuate(context, T0 + 59_999);
        assertThat(changed).as("nothing due before the default 60 s acknowledgement time").containsExactly("UM-TEST");
        punctuate(context, T0 + 60_000);
        assertThat(alerts(context)).extracting(Alert::getState).containsExactly(AlertState.RAISED, AlertState.RERAISED);
        assertThat(changed).containsExactly("UM-TEST", "UM-TEST");
    }

    private static void punctuate(MockProcessorContext<Object, Object> context, long wallClock) {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(wallClock));
    }

    private MockProcessorContext<Object, Object> context(long wallClock) {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(wallClock);
        if (stores.isEmpty()) {
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.STATE.storeName()),
                    Serdes.String(), AvroSerde.of(IncidentState.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.ALIASES.storeName()),
                    Serdes.String(), Serdes.String()).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.WAKEUPS.storeName()),
                    Serdes.String(), Serdes.String()).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.HOTSPOTS.storeName()),
                    Serdes.String(), AvroSerde.of(HotspotState.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.COUNTS_BY_DAY.storeName()),
                    Serdes.String(), AvroSerde.of(IncidentCounts.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.DURATIONS_BY_DAY.storeName()),
                    Serdes.String(), AvroSerde.of(SketchState.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.SEEN_EVENTS.storeName()),
                    Serdes.String(), Serdes.Long()).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.SEEN_EVENTS.storeName() + "-log"),
                    Serdes.Long(), AvroSerde.of(EventIdBatch.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IncidentStore.OFFICE_CLOCKS.storeName()),
                    Serdes.String(), AvroSerde.of(OfficeClockState.class)).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DirectoryStores.OFFICES),
                    Serdes.String(), Topics.OFFICES.valueSerde()).withLoggingDisabled().build());
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DirectoryStores.POLICIES),
                    Serdes.String(), Topics.POLICIES.valueSerde()).withLoggingDisabled().build());
            stores.forEach(store -> store.init(context.getStateStoreContext(), store));
        }
        stores.forEach(context::addStateStore);
        return context;
    }

    private static List<Alert> alerts(MockProcessorContext<Object, Object> context) {
        List<Alert> result = context.forwarded().stream().map(f -> (Alert) f.record().value()).toList();
        context.resetForwards();
        return result;
    }
}
