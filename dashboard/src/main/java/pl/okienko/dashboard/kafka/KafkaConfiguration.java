package pl.okienko.dashboard.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import pl.okienko.dashboard.config.OkienkoProperties;
import pl.okienko.processors.alerts.AlertTopology;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.correspondence.CorrespondenceConfig;
import pl.okienko.processors.correspondence.CorrespondenceTopology;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.phone.PhoneConfig;
import pl.okienko.processors.phone.PhoneTopology;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.incidents.IncidentConfig;
import pl.okienko.processors.incidents.IncidentTopology;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.queues.QueueConfig;
import pl.okienko.processors.queues.QueueTopology;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.schemas.PersonalData;

/**
 * Wires Kafka into the application: the cluster (embedded or external), the topologies and the
 * views read from their state stores, the transactional publisher and the {@code kafkaStreams} health.
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
    /** Application id of the alert lifecycle topology. */
    public static final String ALERTS_APPLICATION_ID = "okienko-alerts";

    @Bean(destroyMethod = "close")
    KafkaCluster kafkaCluster(OkienkoProperties properties) {
        return KafkaCluster.open(properties);
    }

    @Bean
    StreamsRuntime streamsRuntime(KafkaCluster cluster, OkienkoProperties properties, MeterRegistry meterRegistry,
            PersonalData personalData) {
        Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
        topologies.put(QUEUES_APPLICATION_ID, () -> QueueTopology.build(QueueConfig.defaults()));
        topologies.put(ALERTS_APPLICATION_ID, AlertTopology::build);
        topologies.put(PHONE_APPLICATION_ID, () -> PhoneTopology.build(phoneConfig(properties), personalData));
        topologies.put(INCIDENTS_APPLICATION_ID, () -> IncidentTopology.build(IncidentConfig.defaults()
                .withRetention(properties.retention().resolvedIncidents(), properties.retention().unresolvedReports())));
        topologies.put(CORRESPONDENCE_APPLICATION_ID, () -> CorrespondenceTopology.build(CorrespondenceConfig.defaults()));
        return new StreamsRuntime(cluster, properties, topologies, meterRegistry);
    }

    @Bean
    AlertViews alertViews(StreamsRuntime runtime) {
        return new AlertViews(runtime.storeAccess(ALERTS_APPLICATION_ID));
    }

    @Bean
    QueueViews queueViews(StreamsRuntime runtime, AlertViews alertViews) {
        return new QueueViews(runtime.storeAccess(QUEUES_APPLICATION_ID), alertViews);
    }

    @Bean
    IncidentViews incidentViews(StreamsRuntime runtime) {
        return new IncidentViews(runtime.storeAccess(INCIDENTS_APPLICATION_ID));
    }

    @Bean
    PhoneViews phoneViews(StreamsRuntime runtime, OkienkoProperties properties) {
        return new PhoneViews(runtime.storeAccess(PHONE_APPLICATION_ID), phoneConfig(properties));
    }

    private static PhoneConfig phoneConfig(OkienkoProperties properties) {
        return PhoneConfig.defaults().withMetCallbackRetention(properties.retention().metCallbacks());
    }

    @Bean
    CorrespondenceViews correspondenceViews(StreamsRuntime runtime) {
        return new CorrespondenceViews(runtime.storeAccess(CORRESPONDENCE_APPLICATION_ID));
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
