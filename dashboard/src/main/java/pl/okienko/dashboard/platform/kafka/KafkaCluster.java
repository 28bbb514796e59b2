package pl.okienko.dashboard.platform.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.broker.BrokerLauncher;
import pl.okienko.broker.EmbeddedKafka;
import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.topics.ProvisioningReport;
import pl.okienko.topics.TopicProvisioner;
import pl.okienko.topics.TopicSettings;

/**
 * The Kafka cluster the application works with: the embedded single-node broker, in a process of its
 * own, when no bootstrap servers are configured, otherwise the external cluster with its client
 * security settings.
 * Opening it also creates any missing catalogue topic, so every client created afterwards finds its topics.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    private final BrokerLauncher embedded;
    private final String bootstrapServers;
    private final Map<String, Object> clientConfig;
    private final Map<String, Object> groupConsumerConfig;
    private final short replicationFactor;

    private KafkaCluster(BrokerLauncher embedded, String bootstrapServers, Map<String, String> extra, short replicationFactor,
            Duration sessionTimeout) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = new HashMap<>(extra);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.clientConfig = Map.copyOf(config);
        if (sessionTimeout != null) {
            config.put(CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        }
        this.groupConsumerConfig = Map.copyOf(config);
        this.replicationFactor = replicationFactor;
    }

    /** Starts the embedded broker or points at the external cluster, then provisions the catalogue's topics. */
    public static KafkaCluster open(OkienkoProperties properties) {
        OkienkoProperties.Kafka kafka = properties.kafka();
        KafkaCluster cluster;
        if (kafka.embedded()) {
            Path directory = properties.dataDir().resolve("kafka");
            BrokerLauncher broker = BrokerLauncher.start(EmbeddedKafka.Options.defaults()
                    .withDataDirectory(directory)
                    .withBrokerPort(properties.embedded().port()), properties.embedded().jvmOptions());
            // The embedded broker speaks plaintext on localhost: client security settings are for external clusters.
            cluster = new KafkaCluster(broker, broker.bootstrapServers(), Map.of(), (short) 1, kafka.sessionTimeout());
        } else {
            cluster = new KafkaCluster(null, kafka.bootstrapServers().strip(), kafka.extra(), (short) kafka.replicationFactor(),
                    kafka.sessionTimeout());
        }
        try {
            cluster.provisionTopics(kafka.partitions());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code bootstrap.servers} plus the configured security settings: the base of every client's configuration. */
    public Map<String, Object> clientConfig() {
        return clientConfig;
    }

    /**
     * {@link #clientConfig()} for a consumer in a group shared by the instances (the webhooks'): with the configured
     * session timeout, so a dead instance's partitions move to the others as soon as its Kafka Streams tasks do.
     */
    public Map<String, Object> groupConsumerConfig() {
        return groupConsumerConfig;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** Replicas of topics the application creates, including Kafka Streams' internal topics. */
    public short replicationFactor() {
        return replicationFactor;
    }

    private void provisionTopics(int partitions) {
        TopicSettings settings = new TopicSettings(partitions, replicationFactor, Map.of());
        try (Admin admin = Admin.create(clientConfig)) {
            ProvisioningReport report = new TopicProvisioner(admin, settings).provision();
            if (report.consistent()) {
                LOG.info("Kafka topics at {}: {}", bootstrapServers, report);
            } else {
                LOG.warn("Kafka topics at {} differ from the catalogue and were left as they are: {}", bootstrapServers, report);
            }
        }
    }

    /** Stops the embedded broker, if this cluster started one. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
