package pl.okienko.processors.incidents;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.DecodeProcessor;
import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.incidents.state.HotspotState;
import pl.okienko.processors.incidents.state.IncidentCounts;
import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.Topics;

/**
 * Aggressive clients and safety (I1): from incident events to one state machine per incident,
 * INCIDENT alerts raised at once and raised again up the escalation ladder when nobody acknowledges
 * them, INCIDENT_HOTSPOT warnings, and per-day measures.
 *
 * <pre>
 * incident events ─▶ decode ─▶ incident-state (stores) ─┬─▶ alerts
 *                      │              ▲ wall clock      │
 *                      └──────────────┴─────────────────┴─▶ dead letters
 * </pre>
 */
public final class IncidentTopology {

    static final String SOURCE = "incident-events-source";
    static final String DECODE = "incident-events-decode";
    static final String STATE = "incident-state-machine";
    static final String ALERTS_SINK = "incident-alerts-sink";
    static final String DEADLETTER_SINK = "incident-deadletter-sink";

    private IncidentTopology() {
    }

    public static Topology build(IncidentConfig config) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.INCIDENT_EVENTS.name());
        topology.addProcessor(DECODE,
                () -> new DecodeProcessor<>(DECODE, (AvroSerde<?>) Topics.INCIDENT_EVENTS.valueSerde(), STATE,
                        DEADLETTER_SINK),
                SOURCE);
        topology.addProcessor(STATE, () -> new IncidentProcessor(config, ALERTS_SINK), DECODE);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentStores.INCIDENTS),
                Serdes.String(), AvroSerde.of(IncidentState.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentStores.ALIASES),
                Serdes.String(), Serdes.String()), STATE);
        topology.addStateStore(DeadlineIndex.storeBuilder(IncidentStores.WAKEUPS), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentStores.HOTSPOTS),
                Serdes.String(), AvroSerde.of(HotspotState.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentStores.COUNTS_BY_DAY),
                Serdes.String(), AvroSerde.of(IncidentCounts.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IncidentStores.DURATIONS_BY_DAY),
                Serdes.String(), AvroSerde.of(SketchState.class)), STATE);
        EventIds.storeBuilders(IncidentStores.EVENT_IDS).forEach(store -> topology.addStateStore(store, STATE));
        topology.addStateStore(OfficeClocks.storeBuilder(IncidentStores.CLOCKS), STATE);

        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.String().serializer(),
                Topics.ALERTS.valueSerde().serializer(), STATE);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), DECODE);

        DirectoryStores.addTo(topology, "incident-directory");
        return topology;
    }
}
