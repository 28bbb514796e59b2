package pl.okienko.dashboard.platform.kafka;

import java.util.function.Supplier;

import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application that a concern runs (Q1..C1 by concern): its application id and how to
 * build its topology. Each concern declares its own as a bean; {@link StreamsRuntime} runs them all in
 * the beans' order.
 *
 * @param topology makes the topology, again at every restart
 */
public record StreamsApplication(String applicationId, Supplier<Topology> topology) {
}
