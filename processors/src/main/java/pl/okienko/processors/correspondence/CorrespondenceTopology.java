package pl.okienko.processors.correspondence;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.DecodeProcessor;
import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.Topics;

/**
 * E-mail and letters (E1, E2, E3) and the register of complaints and requests (C1): reply clocks
 * and KPA deadlines, per-day figures by the day an item came in, and EMAIL_OVERDUE,
 * COMPLAINT_DUE_SOON and COMPLAINT_OVERDUE raised on the wall clock.
 *
 * <pre>
 * email events     ─▶ decode ─▶ email-state     (stores, deadline index) ─┐
 * complaint events ─▶ decode ─▶ complaint-state (stores, deadline index) ─┴─▶ alerts
 *                       └────────────────────────────────────────────────────▶ dead letters
 * </pre>
 */
public final class CorrespondenceTopology {

    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    static final String EMAIL_SOURCE = "email-events-source";
    static final String EMAIL_DECODE = "email-events-decode";
    static final String EMAIL_STATE = "email-state";
    static final String COMPLAINT_SOURCE = "complaint-events-source";
    static final String COMPLAINT_DECODE = "complaint-events-decode";
    static final String COMPLAINT_STATE = "complaint-state";
    static final String ALERTS_SINK = "correspondence-alerts-sink";
    static final String DEADLETTER_SINK = "correspondence-deadletter-sink";

    private CorrespondenceTopology() {
    }

    public static Topology build(CorrespondenceConfig config) {
        Topology topology = new Topology();

        topology.addSource(EMAIL_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.EMAIL_EVENTS.name());
        topology.addProcessor(EMAIL_DECODE,
                () -> new DecodeProcessor<>(EMAIL_DECODE, (AvroSerde<?>) Topics.EMAIL_EVENTS.valueSerde(), EMAIL_STATE,
                        DEADLETTER_SINK),
                EMAIL_SOURCE);
        topology.addProcessor(EMAIL_STATE, () -> new EmailProcessor(config, ALERTS_SINK), EMAIL_DECODE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CorrespondenceStores.EMAILS),
                Serdes.String(), AvroSerde.of(EmailState.class)), EMAIL_STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CorrespondenceStores.EMAIL_DAYS),
                Serdes.String(), AvroSerde.of(EmailDayState.class)), EMAIL_STATE);
        topology.addStateStore(DeadlineIndex.storeBuilder(CorrespondenceStores.EMAIL_DEADLINES), EMAIL_STATE);
        EventIds.storeBuilders(CorrespondenceStores.EMAIL_EVENT_IDS).forEach(store -> topology.addStateStore(store, EMAIL_STATE));

        topology.addSource(COMPLAINT_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.COMPLAINT_EVENTS.name());
        topology.addProcessor(COMPLAINT_DECODE,
                () -> new DecodeProcessor<>(COMPLAINT_DECODE, (AvroSerde<?>) Topics.COMPLAINT_EVENTS.valueSerde(),
                        COMPLAINT_STATE, DEADLETTER_SINK),
                COMPLAINT_SOURCE);
        topology.addProcessor(COMPLAINT_STATE, () -> new ComplaintProcessor(config, ALERTS_SINK), COMPLAINT_DECODE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CorrespondenceStores.COMPLAINTS),
                Serdes.String(), AvroSerde.of(ComplaintState.class)), COMPLAINT_STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CorrespondenceStores.COMPLAINT_DAYS),
                Serdes.String(), AvroSerde.of(ComplaintDayState.class)), COMPLAINT_STATE);
        topology.addStateStore(DeadlineIndex.storeBuilder(CorrespondenceStores.COMPLAINT_DEADLINES), COMPLAINT_STATE);
        EventIds.storeBuilders(CorrespondenceStores.COMPLAINT_EVENT_IDS).forEach(store -> topology.addStateStore(store, COMPLAINT_STATE));

        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.String().serializer(),
                Topics.ALERTS.valueSerde().serializer(), EMAIL_STATE, COMPLAINT_STATE);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), EMAIL_DECODE, COMPLAINT_DECODE);

        DirectoryStores.addTo(topology, "correspondence-directory");
        return topology;
    }
}
