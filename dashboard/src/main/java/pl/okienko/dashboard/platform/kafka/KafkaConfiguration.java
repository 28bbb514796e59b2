package pl.okienko.dashboard.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import pl.okienko.dashboard.platform.config.OkienkoProperties;

/**
 * Wires Kafka into the application: the cluster (embedded or external), the runtime of the Kafka
 * Streams applications that the concerns declare ({@link StreamsApplication}), the transactional
 * publisher and the {@code kafkaStreams} health. The application ids are here so that ingestion can
 * tell which application processes which family.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Application id of the queue topology (Q1, Q2). */
    public static final String QUEUES_APPLICATION_ID = "okienko-queues";
    /** Application id of the incident topology (I1). */
    public static final String INCIDENTS_APPLICATION_ID = "okienko-incidents";
    /** Application id of the phone topology (T1–T4, I2). */
    public static final String PHONE_APPLICATION_ID = "okienko-phone";
    /** Application id of the e-mail and complaints topology (E1–E3, C1). */
    public static final String CORRESPONDENCE_APPLICATION_ID = "okienko-correspondence";
    /** Application id of the survey topology (S1). */
    public static final String SURVEYS_APPLICATION_ID = "okienko-surveys";
    /** Application id of the alert lifecycle topology. */
    public static final String ALERTS_APPLICATION_ID = "okienko-alerts";

    @Bean(destroyMethod = "close")
    KafkaCluster kafkaCluster(OkienkoProperties properties) {
        return KafkaCluster.open(properties);
    }

    /** Runs every concern's {@link StreamsApplication}, in the beans' order. */
    @Bean
    StreamsRuntime streamsRuntime(KafkaCluster cluster, OkienkoProperties properties, MeterRegistry meterRegistry,
            ObjectProvider<StreamsApplication> applications, QueryTrace trace) {
        Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
        applications.orderedStream().forEach(application -> topologies.put(application.applicationId(), application.topology()));
        return new StreamsRuntime(cluster, properties, topologies, meterRegistry, trace);
    }

    /**
     * The ingestion producer's transactional id is this installation's, the same after every restart: a
     * restarted instance fences its killed predecessor at once and Kafka aborts what it left open.
     */
    @Bean(destroyMethod = "close")
    RecordPublisher recordPublisher(KafkaCluster cluster, OkienkoProperties properties) {
        return new RecordPublisher(cluster, "okienko-ingest-" + StreamsRuntime.instanceId(StreamsRuntime.stateDir(properties)));
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsRuntime runtime) {
        return new KafkaStreamsHealthIndicator(runtime);
    }
}
