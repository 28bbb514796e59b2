package pl.okienko.processors.incidents;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.common.WriteBehind;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.incidents.state.HotspotState;
import pl.okienko.processors.incidents.state.IncidentCounts;
import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.EventFamily;

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

    static final String STATE = "incident-state-machine";

    private IncidentTopology() {
    }

    public static Topology build(IncidentConfig config) {
        return build(config, IncidentListener.NONE);
    }

    /** The topology telling {@code listener} of every office whose incidents it has changed. */
    public static Topology build(IncidentConfig config, IncidentListener listener) {
        return new EventTopology("incident")
                .state(STATE, () -> new IncidentProcessor(config, listener), EventFamily.INCIDENT)
                .avroStore(STATE, IncidentStore.STATE.storeName(), IncidentState.class)
                .store(STATE, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentStore.ALIASES.storeName()),
                        Serdes.String(), Serdes.String()))
                .store(STATE, DeadlineIndex.storeBuilder(IncidentStore.WAKEUPS.storeName()))
                .avroStore(STATE, IncidentStore.HOTSPOTS.storeName(), HotspotState.class)
                // an office's day counts and sketches change with most of its incidents' events: kept decoded, they
                // reach RocksDB and the changelog once per commit (WriteBehind)
                .avroStore(STATE, IncidentStore.COUNTS_BY_DAY.storeName(), IncidentCounts.class)
                .avroStore(STATE, IncidentStore.DURATIONS_BY_DAY.storeName(), SketchState.class)
                .stores(STATE, EventIds.storeBuilders(IncidentStore.SEEN_EVENTS.storeName()))
                .store(STATE, OfficeClocks.storeBuilder(IncidentStore.OFFICE_CLOCKS.storeName()))
                .store(STATE, WriteBehind.storeBuilder(IncidentStore.OFFICE_CLOCKS.prefix()))
                .build();
    }
}
