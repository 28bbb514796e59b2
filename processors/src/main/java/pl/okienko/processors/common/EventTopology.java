package pl.okienko.processors.common;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.topics.EventTopics;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * The wiring every office-event topology shares, written once: each event topic's source and
 * {@link DecodeProcessor} (contract check, dead letters), the state processors and their stores, one
 * alert sink fed by every state processor, one dead-letter sink fed by every decoder, and the directory's
 * global stores. Node, store and topic names are the caller's, so a topology's description stays as pinned.
 */
public final class EventTopology {

    private final Topology topology = new Topology();
    private final String alertsSink;
    private final String deadLetterSink;
    private final String directoryPrefix;
    private final List<String> decoders = new ArrayList<>();
    private final List<String> states = new ArrayList<>();

    /**
     * @param concern names the shared nodes: {@code <concern>-alerts-sink}, {@code <concern>-deadletter-sink}
     *     and the directory's {@code <concern>-directory-…} source and update nodes
     */
    public EventTopology(String concern) {
        this.alertsSink = concern + "-alerts-sink";
        this.deadLetterSink = concern + "-deadletter-sink";
        this.directoryPrefix = concern + "-directory";
    }

    /**
     * A state processor fed by the events of {@code families}, each read from its topic by the source node
     * {@code <family>-events-source} and decoded and checked by {@code <family>-events-decode}; its alerts go
     * to the alert sink.
     */
    public EventTopology state(String name, ProcessorSupplier<String, SpecificRecord, Object, Object> processor,
            EventFamily... families) {
        List<String> feeds = new ArrayList<>();
        for (EventFamily family : families) {
            feeds.add(events(family, name));
        }
        topology.addProcessor(name, processor, feeds.toArray(String[]::new));
        states.add(name);
        return this;
    }

    /** The source and decoder of one family's topic; returns the decoder's name. */
    private String events(EventFamily family, String state) {
        String source = family.id() + "-events-source";
        String decode = family.id() + "-events-decode";
        TopicSpec<String, SpecificRecord> topic = EventTopics.of(family);
        topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
        AvroSerde<?> serde = (AvroSerde<?>) topic.valueSerde();
        topology.addProcessor(decode, () -> new DecodeProcessor<>(decode, serde, state, deadLetterSink), source);
        decoders.add(decode);
        return decode;
    }

    public EventTopology store(String state, StoreBuilder<?> store) {
        topology.addStateStore(store, state);
        return this;
    }

    /** A persistent key-value store of Avro values keyed by text. */
    public <V extends SpecificRecord> EventTopology avroStore(String state, String name, Class<V> type) {
        return store(state, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                AvroSerde.of(type)));
    }

    public EventTopology stores(String state, List<StoreBuilder<?>> stores) {
        stores.forEach(store -> store(state, store));
        return this;
    }

    /** The alert and dead-letter sinks and the directory: the finished topology. */
    public Topology build() {
        topology.addSink(alertsSink, Topics.ALERTS.name(), Serdes.String().serializer(),
                Topics.ALERTS.valueSerde().serializer(), states.toArray(String[]::new));
        topology.addSink(deadLetterSink, Topics.DEADLETTER.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), decoders.toArray(String[]::new));
        DirectoryStores.addTo(topology, directoryPrefix);
        return topology;
    }
}
