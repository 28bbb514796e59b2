package pl.okienko.bench;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;


/**
 * The bare Kafka Streams topologies Okienko is compared with. Both read the same input topics as the
 * topology they are compared with (by default the queue topology's two), with the same settings, and
 * do no work of their own beyond what their name says: what is left of a topology's time, relative to
 * them, is Okienko's.
 */
final class Baselines {

    static final String PASS_THROUGH_OUT = "bench.pass-through.out";
    static final String COUNT_OUT = "bench.count.out";
    static final String COUNT_STORE = "bench-count-store";

    private Baselines() {
    }

    /** Source → sink, bytes untouched: the cost of consuming and producing under exactly-once. */
    static Topology passThrough() {
        return passThrough(Family.QUEUE.inputs);
    }

    /** Source → sink of {@code inputs}. */
    static Topology passThrough(List<String> inputs) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputs, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-source"))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-sink"));
        return builder.build();
    }

    /**
     * Events per office: {@code groupByKey().count()} into a RocksDB store with its changelog,
     * the updates forwarded to a topic.
     */
    static Topology count() {
        return count(Family.QUEUE.inputs);
    }

    /** Events per key (office) of {@code inputs}. */
    static Topology count(List<String> inputs) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> events = builder.stream(inputs,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("bench-count-source"));
        events.groupByKey(Grouped.with("bench-count-group", Serdes.String(), Serdes.ByteArray()))
                .count(Named.as("bench-count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(COUNT_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Long()))
                .toStream(Named.as("bench-count-updates"))
                .to(COUNT_OUT, Produced.with(Serdes.String(), Serdes.Long()).withName("bench-count-sink"));
        return builder.build();
    }
}
