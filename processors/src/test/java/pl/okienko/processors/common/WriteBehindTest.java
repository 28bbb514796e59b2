package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The write-behind under Kafka Streams' own task, cache and commit (TopologyTestDriver commits after each input
 * record): an event's writes are not in the store while it is processed, and are when the task has committed.
 */
class WriteBehindTest {

    private static final String VALUES = "values";

    @Test
    void shouldPutAnEventsWritesIntoTheStoreWhenTheTaskCommitsAndNotBefore() {
        List<String> seenWhileProcessing = new ArrayList<>();
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "input");
        topology.addProcessor("count", () -> new Counting(seenWhileProcessing), "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VALUES), Serdes.String(),
                Serdes.Long()), "count");
        topology.addStateStore(WriteBehind.storeBuilder("test"), "count");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
            TestInputTopic<String, String> input = driver.createInputTopic("input", Serdes.String().serializer(),
                    Serdes.String().serializer());
            KeyValueStore<String, Long> values = driver.getKeyValueStore(VALUES);

            input.pipeInput("k", "a");
            assertThat(values.get("a")).isEqualTo(1L);
            input.pipeInput("k", "a");
            input.pipeInput("k", "b");

            assertThat(values.get("a")).isEqualTo(2L);
            assertThat(values.get("b")).isEqualTo(1L);
            assertThat(seenWhileProcessing).as("the store while each event was processed, after its writes")
                    .containsExactly("a=null", "a=1", "b=null");
        }
    }

    /** Counts each value in a cache written behind, and notes what the store held right after each event. */
    private static final class Counting implements Processor<String, String, Void, Void> {

        private final List<String> seenWhileProcessing;
        private KeyValueStore<String, Long> store;
        private EventWrites writes;
        private StateCache<Long, Long> counts;

        Counting(List<String> seenWhileProcessing) {
            this.seenWhileProcessing = seenWhileProcessing;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(VALUES);
            writes = EventWrites.behind(WriteBehind.open(context, WriteBehind.storeName("test")));
            counts = StateCache.of(store, 100, writes);
        }

        @Override
        public void process(Record<String, String> record) {
            writes.around(() -> {
                Long count = counts.get(record.value());
                counts.put(record.value(), count == null ? 1 : count + 1);
            });
            seenWhileProcessing.add(record.value() + "=" + store.get(record.value()));
        }

        @Override
        public void close() {
            writes.close();
        }
    }
}
