package pl.okienko.dashboard.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import pl.okienko.dashboard.config.OkienkoProperties;
import pl.okienko.processors.common.StreamsSettings;

/**
 * Runs the Kafka Streams applications of Okienko (one per concern, e.g. {@code okienko-queues}) for
 * the lifetime of the Spring context: started before the web server takes requests, closed after it
 * stops and before the embedded broker goes down. Their metrics are bound to Micrometer.
 */
public class StreamsRuntime implements SmartLifecycle {

    /** Before the web server (so views exist when requests come) and stopped after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, KafkaStreams> instances = new LinkedHashMap<>();
    private final MeterRegistry meterRegistry;
    private final List<KafkaStreamsMetrics> metrics = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param topologies the topologies by application id
     */
    public StreamsRuntime(KafkaCluster cluster, OkienkoProperties properties, Map<String, Topology> topologies,
            MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        Path stateDir = properties.dataDir().resolve("streams").toAbsolutePath();
        Map<String, Object> overrides = new HashMap<>(cluster.clientConfig());
        overrides.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) cluster.replicationFactor());
        overrides.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.kafka().standbyReplicas());
        String applicationServer = properties.kafka().applicationServer();
        if (applicationServer != null && !applicationServer.isBlank()) {
            overrides.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer.strip());
        }
        topologies.forEach((applicationId, topology) -> {
            Properties config = StreamsSettings.properties(applicationId, cluster.bootstrapServers(), stateDir, overrides);
            KafkaStreams streams = new KafkaStreams(topology, config);
            streams.setStateListener((next, previous) -> LOG.info("Kafka Streams {}: {} -> {}", applicationId, previous, next));
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("Kafka Streams {} stopped on an unexpected error; its views are unavailable until restart", applicationId, e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            instances.put(applicationId, streams);
        });
    }

    /** The running instances by application id, in start order. */
    public Map<String, KafkaStreams> instances() {
        return Map.copyOf(instances);
    }

    public KafkaStreams instance(String applicationId) {
        KafkaStreams streams = instances.get(applicationId);
        if (streams == null) {
            throw new IllegalArgumentException("no Kafka Streams application " + applicationId);
        }
        return streams;
    }

    @Override
    public synchronized void start() {
        instances.forEach((applicationId, streams) -> {
            KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, List.of(Tag.of("okienko.application", applicationId)));
            binder.bindTo(meterRegistry);
            metrics.add(binder);
            streams.start();
        });
        running = true;
    }

    @Override
    public synchronized void stop() {
        instances.forEach((applicationId, streams) -> {
            if (!streams.close(CLOSE_TIMEOUT)) {
                LOG.warn("Kafka Streams {} did not close within {}", applicationId, CLOSE_TIMEOUT);
            }
        });
        metrics.forEach(KafkaStreamsMetrics::close);
        metrics.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
