package pl.okienko.dashboard.platform.kafka;

import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;


/**
 * The smallest Kafka Streams application the platform ITs run on a real broker ({@link TestBroker}): the
 * source {@code <prefix>-source} reads an input topic of text keys and values, and the processor
 * {@code <prefix>-<step>} hands each record to a step over the one key-value store it keeps.
 */
final class StoreTopology {

    private StoreTopology() {
    }

    /** What the processor does: begun with its store when its task starts (where it may fail), then per record. */
    @FunctionalInterface
    interface Step<V> {
        Consumer<Record<String, String>> begin(KeyValueStore<String, V> store);
    }

    static <V> Topology of(String prefix, String step, String input, String store, Serde<V> values, Step<V> processing) {
        String source = prefix + "-source";
        String node = prefix + "-" + step;
        Topology topology = new Topology();
        topology.addSource(source, Serdes.String().deserializer(), Serdes.String().deserializer(), input);
        topology.addProcessor(node, () -> new Processor<String, String, Void, Void>() {
            private Consumer<Record<String, String>> each;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                each = processing.begin(context.getStateStore(store));
            }

            @Override
            public void process(Record<String, String> record) {
                each.accept(record);
            }
        }, source);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), values),
                node);
        return topology;
    }
}
