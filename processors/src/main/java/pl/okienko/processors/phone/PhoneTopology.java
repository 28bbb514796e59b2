package pl.okienko.processors.phone;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.common.DecodeProcessor;
import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.phone.state.CallState;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.phone.state.ForgottenCallbacks;
import pl.okienko.processors.phone.state.NumberTimeline;
import pl.okienko.processors.phone.state.OpenCallbacks;
import pl.okienko.processors.phone.state.PhoneCounts;
import pl.okienko.schemas.PersonalData;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.Topics;

/**
 * Telephone service and callbacks (T1, T2, T3, T4, I2): from the phone system's call events to
 * per-line, per-hour service-level counts, callback obligations and CALLBACK_OVERDUE alerts.
 *
 * <pre>
 * phone events ─▶ decode ─▶ phone-state (stores) ─┬─▶ alerts
 *                    │            ▲ wall clock     │
 *                    └─▶ dead letters              │
 * </pre>
 */
public final class PhoneTopology {

    static final String SOURCE = "phone-events-source";
    static final String DECODE = "phone-events-decode";
    static final String STATE = "phone-state";
    static final String ALERTS_SINK = "phone-alerts-sink";
    static final String DEADLETTER_SINK = "phone-deadletter-sink";

    private PhoneTopology() {
    }

    /**
     * @param personalData pseudonymises any number that reaches the topic in clear (written straight to
     *     Kafka, not through the ingestion API); the same key as the API's, or pseudonyms would not match
     */
    public static Topology build(PhoneConfig config, PersonalData personalData) {
        Objects.requireNonNull(personalData, "personalData");
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.PHONE_EVENTS.name());
        topology.addProcessor(DECODE,
                () -> new DecodeProcessor<>(DECODE, (AvroSerde<?>) Topics.PHONE_EVENTS.valueSerde(), STATE,
                        DEADLETTER_SINK),
                SOURCE);
        topology.addProcessor(STATE, () -> new PhoneStateProcessor(config, personalData, ALERTS_SINK), DECODE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.CALLS),
                Serdes.String(), AvroSerde.of(CallState.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.STATS_BY_HOUR),
                Serdes.String(), AvroSerde.of(PhoneCounts.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.CALLBACKS),
                Serdes.String(), AvroSerde.of(CallbackState.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.OPEN_BY_NUMBER),
                Serdes.String(), AvroSerde.of(OpenCallbacks.class)), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.TIMELINES),
                Serdes.String(), AvroSerde.of(NumberTimeline.class)), STATE);
        topology.addStateStore(DeadlineIndex.storeBuilder(PhoneStores.DEADLINES), STATE);
        topology.addStateStore(DeadlineIndex.storeBuilder(PhoneStores.FORGET_MET), STATE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PhoneStores.FORGOTTEN_BY_DAY),
                Serdes.String(), AvroSerde.of(ForgottenCallbacks.class)), STATE);
        EventIds.storeBuilders(PhoneStores.EVENT_IDS).forEach(store -> topology.addStateStore(store, STATE));
        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.String().serializer(),
                Topics.ALERTS.valueSerde().serializer(), STATE);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), DECODE);
        DirectoryStores.addTo(topology, "phone-directory");
        return topology;
    }
}
