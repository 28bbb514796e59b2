package pl.okienko.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics that are missing and checks the ones that exist. It never changes an
 * existing topic: a topic whose partitions, replication factor or catalogue configs differ is reported
 * (and logged as a warning) for an operator to decide. Running it again changes nothing, and a topic
 * created by someone else in the meantime (another instance starting at the same moment) is checked like
 * any existing topic.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    static final String PARTITIONS = "partitions";
    static final String REPLICATION_FACTOR = "replication.factor";
    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final TopicSettings settings;

    public TopicProvisioner(Admin admin, TopicSettings settings) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Provisions every topic of {@link Topics#all()}. */
    public ProvisioningReport provision() {
        return provision(Topics.all());
    }

    /**
     * Creates the missing topics of {@code specs} and compares the existing ones with them.
     *
     * @throws IllegalStateException if the cluster refuses a topic (e.g. too few brokers for the
     *     replication factor) or cannot be reached
     */
    public ProvisioningReport provision(Collection<? extends TopicSpec<?, ?>> specs) {
        Map<String, TopicSpec<?, ?>> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        warnAboutUnknownOverrides(byName.keySet());
        try {
            Set<String> present = admin.listTopics().names().get();
            List<String> created = new ArrayList<>();
            List<String> toCheck = new ArrayList<>();
            byName.keySet().stream().filter(present::contains).forEach(toCheck::add);
            createMissing(byName, present, created, toCheck);
            awaitLeaders(created);
            List<ProvisioningReport.Mismatch> mismatches = compare(byName, toCheck);
            ProvisioningReport report = new ProvisioningReport(created, mismatches);
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
            mismatches.forEach(m -> LOG.warn("Topic differs from the catalogue, left unchanged: {}", m));
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot provision topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void createMissing(Map<String, TopicSpec<?, ?>> byName, Set<String> present, List<String> created,
                               List<String> toCheck) throws InterruptedException, ExecutionException {
        List<NewTopic> missing = byName.values().stream()
                .filter(spec -> !present.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), settings.partitionsFor(spec.name()), settings.replicationFactor())
                        .configs(spec.configs()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        CreateTopicsResult result = admin.createTopics(missing);
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get();
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Created by someone else since we listed the topics: check it like any existing one.
                toCheck.add(topic.name());
            }
        }
    }

    private List<ProvisioningReport.Mismatch> compare(Map<String, TopicSpec<?, ?>> byName, List<String> names)
            throws InterruptedException, ExecutionException {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

        List<ProvisioningReport.Mismatch> mismatches = new ArrayList<>();
        for (String name : byName.keySet()) {
            if (!names.contains(name)) {
                continue;
            }
            TopicDescription description = descriptions.get(name);
            int partitions = description.partitions().size();
            int expectedPartitions = settings.partitionsFor(name);
            if (partitions != expectedPartitions) {
                mismatches.add(new ProvisioningReport.Mismatch(name, PARTITIONS,
                        String.valueOf(partitions), String.valueOf(expectedPartitions)));
            }
            String replicas = replicationFactor(description);
            if (!replicas.equals(String.valueOf(settings.replicationFactor()))) {
                mismatches.add(new ProvisioningReport.Mismatch(name, REPLICATION_FACTOR,
                        replicas, String.valueOf(settings.replicationFactor())));
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            byName.get(name).configs().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(expected -> {
                        ConfigEntry entry = config.get(expected.getKey());
                        String actual = entry == null ? null : entry.value();
                        if (!sameValue(expected.getKey(), actual, expected.getValue())) {
                            mismatches.add(new ProvisioningReport.Mismatch(name, expected.getKey(),
                                    actual == null ? "not set" : actual, expected.getValue()));
                        }
                    });
        }
        return mismatches;
    }

    /**
     * Waits until every partition of the new topics has a leader, so that the first records written right
     * after provisioning are not refused while the brokers learn about the topics.
     */
    private void awaitLeaders(List<String> topics) throws InterruptedException, ExecutionException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
        while (true) {
            Map<String, TopicDescription> descriptions;
            try {
                descriptions = admin.describeTopics(topics).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
                continue;
            }
            List<String> leaderless = descriptions.values().stream()
                    .filter(d -> d.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty()))
                    .map(TopicDescription::name)
                    .toList();
            if (leaderless.isEmpty()) {
                // The metadata shows a leader slightly before the leader serves; listing offsets retries until it does.
                Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
                descriptions.values().forEach(d -> d.partitions().forEach(
                        p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get();
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Topics {} were created but have partitions without a leader after {}", leaderless, LEADER_TIMEOUT);
                return;
            }
            Thread.sleep(50);
        }
    }

    /** The replica count, or the counts found (e.g. "1..3") if partitions differ. */
    private static String replicationFactor(TopicDescription description) {
        TreeSet<Integer> counts = description.partitions().stream()
                .map(TopicPartitionInfo::replicas)
                .map(List::size)
                .collect(Collectors.toCollection(TreeSet::new));
        if (counts.size() == 1) {
            return String.valueOf(counts.first());
        }
        return counts.first() + ".." + counts.last();
    }

    private static boolean sameValue(String name, String actual, String expected) {
        if (actual == null) {
            return expected == null;
        }
        if (TopicConfig.CLEANUP_POLICY_CONFIG.equals(name)) {
            // A list: "compact,delete" and "delete, compact" mean the same.
            return listValue(actual).equals(listValue(expected));
        }
        return actual.trim().equals(expected.trim());
    }

    private static Set<String> listValue(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void warnAboutUnknownOverrides(Set<String> names) {
        settings.partitionOverrides().keySet().stream()
                .filter(topic -> !names.contains(topic))
                .forEach(topic -> LOG.warn("Partition override for {} ignored: the catalogue has no such topic", topic));
    }
}
