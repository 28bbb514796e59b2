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
import pl.okienko.schemas.serde.AvroSerde;
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
     * @param alertsSink the name of the alert sink node
     * @param deadLetterSink the name of the dead-letter sink node
     * @param directoryPrefix the prefix of the directory's source and update nodes
     */
    public EventTopology(String alertsSink, String deadLetterSink, String directoryPrefix) {
        this.alertsSink = alertsSink;
        this.deadLetterSink = deadLetterSink;
        this.directoryPrefix = directoryPrefix;
    }

    /** Reads {@code topic} as raw bytes into the source node {@code source}. */
    public EventTopology source(String source, TopicSpec<String, ?> topic) {
        topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
        return this;
    }

    /** Decodes and checks what {@code source} reads of {@code topic}, for the state processor {@code state}. */
    public EventTopology decode(String decode, String source, TopicSpec<String, ?> topic, String state) {
        AvroSerde<?> serde = (AvroSerde<?>) topic.valueSerde();
        topology.addProcessor(decode, () -> new DecodeProcessor<>(decode, serde, state, deadLetterSink), source);
        decoders.add(decode);
        return this;
    }

    /** Source and decoder of one event topic. */
    public EventTopology events(String source, String decode, TopicSpec<String, ?> topic, String state) {
        return source(source, topic).decode(decode, source, topic, state);
    }

    /** A state processor fed by {@code decoders}, whose alerts go to the alert sink. */
    public EventTopology state(String name, ProcessorSupplier<String, SpecificRecord, Object, Object> supplier,
            String... decoders) {
        topology.addProcessor(name, supplier, decoders);
        states.add(name);
        return this;
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

    /** {@link #avroStore} with a cache, so many updates within a commit reach RocksDB and the changelog once. */
    public <V extends SpecificRecord> EventTopology cachedAvroStore(String state, String name, Class<V> type) {
        return store(state, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                AvroSerde.of(type)).withCachingEnabled());
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
