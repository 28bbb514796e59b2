package pl.okienko.processors;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import pl.okienko.topics.TopicSpec;

/** The test driver's topics of the catalogue, with the catalogue's serdes. */
public final class TestTopics {

    private TestTopics() {
    }

    public static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** The topic written with raw bytes as values, for records the contract check must turn away. */
    public static <K> TestInputTopic<K, byte[]> raw(TopologyTestDriver driver, TopicSpec<K, ?> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), Serdes.ByteArray().serializer());
    }

    public static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }
}
