package pl.okienko.processors.queues;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.DecodeProcessor;
import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.Topics;

/**
 * Queues and desks (Q1–Q5, P1, P2): from ticket and desk events to live waiting lines, wait and
 * service time statistics by minute and by day, priority clients waiting and their fulfilment,
 * call order, visit outcomes and pauses by day, and QUEUE_EXCESSIVE and PRIORITY_WAITING alerts.
 *
 * <pre>
 * queue events ─▶ decode ─┐                         ┌─▶ alerts
 *                         ├─▶ queue-state (stores) ─┤
 * desk events  ─▶ decode ─┘          ▲ wall clock   └─▶ dead letters
 * </pre>
 */
public final class QueueTopology {

    static final String QUEUE_SOURCE = "queue-events-source";
    static final String DESK_SOURCE = "desk-events-source";
    static final String QUEUE_DECODE = "queue-events-decode";
    static final String DESK_DECODE = "desk-events-decode";
    static final String STATE = "queue-state";
    static final String ALERTS_SINK = "queue-alerts-sink";
    static final String DEADLETTER_SINK = "queue-deadletter-sink";

    private QueueTopology() {
    }

    public static Topology build(QueueConfig config) {
        Topology topology = new Topology();
        // Stores are cached: under exactly-once a commit flushes them every 100 ms, so a ticket's
        // many updates within that time reach RocksDB and the changelog once.

        topology.addSource(QUEUE_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.QUEUE_EVENTS.name());
        topology.addSource(DESK_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.DESK_EVENTS.name());

        topology.addProcessor(QUEUE_DECODE,
                () -> new DecodeProcessor<>(QUEUE_DECODE, (AvroSerde<?>) Topics.QUEUE_EVENTS.valueSerde(), STATE,
                        DEADLETTER_SINK),
                QUEUE_SOURCE);
        topology.addProcessor(DESK_DECODE,
                () -> new DecodeProcessor<>(DESK_DECODE, (AvroSerde<?>) Topics.DESK_EVENTS.valueSerde(), STATE,
                        DEADLETTER_SINK),
                DESK_SOURCE);

        topology.addProcessor(STATE, () -> new QueueStateProcessor(config, ALERTS_SINK), QUEUE_DECODE, DESK_DECODE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.TICKETS),
                Serdes.String(), AvroSerde.of(TicketState.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.LINES),
                Serdes.String(), AvroSerde.of(WaitingLineState.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.DESKS),
                Serdes.String(), AvroSerde.of(DeskState.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.ALARMS),
                Serdes.String(), AvroSerde.of(QueueAlarmState.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.PRIORITY_WAITING),
                Serdes.String(), AvroSerde.of(PriorityWaitState.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.DAY_COUNTERS),
                Serdes.String(), AvroSerde.of(QueueDayCounters.class)).withCachingEnabled(), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.STATS_BY_DAY),
                Serdes.String(), AvroSerde.of(SketchState.class)).withCachingEnabled(), STATE);
        MinuteStats.storeBuilders().forEach(store -> topology.addStateStore(store, STATE));
        EventIds.storeBuilders(QueueStores.EVENT_IDS).forEach(store -> topology.addStateStore(store, STATE));
        topology.addStateStore(OfficeClocks.storeBuilder(QueueStores.CLOCKS), STATE);

        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.String().serializer(),
                Topics.ALERTS.valueSerde().serializer(), STATE);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), QUEUE_DECODE, DESK_DECODE);

        DirectoryStores.addTo(topology, "queue-directory");
        return topology;
    }
}
