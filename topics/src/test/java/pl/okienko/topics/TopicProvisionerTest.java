package pl.okienko.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.broker.EmbeddedKafka;

class TopicProvisionerTest {

    @TempDir
    static Path directory;

    @AutoClose
    private static EmbeddedKafka kafka;
    @AutoClose
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withDataDirectory(directory).withBrokerPort(0));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @Test
    void shouldCreateEveryCatalogueTopicOnceWithItsCleanupPolicy() throws Exception {
        TopicProvisioner provisioner = new TopicProvisioner(admin, TopicSettings.defaults());

        ProvisioningReport first = provisioner.provision();
        ProvisioningReport second = provisioner.provision();

        List<String> catalogue = Topics.all().stream().map(TopicSpec::name).toList();
        assertThat(first.created()).containsExactlyElementsOf(catalogue);
        assertThat(first.consistent()).isTrue();
        assertThat(second.created()).isEmpty();
        assertThat(second.mismatches()).isEmpty();
        for (TopicSpec<?, ?> spec : Topics.all()) {
            Config config = config(spec.name());
            if (spec.kind() == TopicSpec.Kind.DIRECTORY) {
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(spec.name()).isEqualTo("compact");
            }
            if (spec.kind() == TopicSpec.Kind.EVENTS) {
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(spec.name()).isEqualTo("delete");
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(spec.name()).isEqualTo("-1");
            }
            spec.configs().forEach((name, value) -> assertThat(config.get(name).value()).as(spec.name() + " " + name).isEqualTo(value));
            assertThat(describe(spec.name()).partitions()).as(spec.name()).hasSize(TopicSettings.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void shouldReportButNotChangeATopicThatDiffersFromTheCatalogue() throws Exception {
        TopicSpec<String, String> spec = new TopicSpec<>("test.events.wrong", Serdes.String(), Serdes.String(),
                TopicSpec.Kind.EVENTS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete", TopicConfig.RETENTION_MS_CONFIG, "-1"));
        admin.createTopics(List.of(new NewTopic(spec.name(), 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")))).all().get();

        ProvisioningReport report = new TopicProvisioner(admin, TopicSettings.defaults().withReplicationFactor((short) 3))
                .provision(List.of(spec));

        assertThat(report.created()).isEmpty();
        assertThat(report.consistent()).isFalse();
        assertThat(report.mismatchesOf(spec.name())).extracting(ProvisioningReport.Mismatch::toString)
                .containsExactlyInAnyOrder(
                        "test.events.wrong: partitions is 1, catalogue says 3",
                        "test.events.wrong: replication.factor is 1, catalogue says 3",
                        "test.events.wrong: cleanup.policy is compact, catalogue says delete");
        assertThat(config(spec.name()).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(describe(spec.name()).partitions()).hasSize(1);
    }

    @Test
    void shouldGiveATopicItsPartitionOverride() throws Exception {
        TopicSpec<String, String> spec = new TopicSpec<>("test.events.wide", Serdes.String(), Serdes.String(),
                TopicSpec.Kind.EVENTS, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        TopicSettings settings = TopicSettings.defaults().withPartitions(spec.name(), 6);

        ProvisioningReport report = new TopicProvisioner(admin, settings).provision(List.of(spec));

        assertThat(report.created()).containsExactly(spec.name());
        assertThat(describe(spec.name()).partitions()).hasSize(6);
        assertThat(new TopicProvisioner(admin, settings).provision(List.of(spec)).consistent()).isTrue();
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }
}
