package pl.okienko.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} describes the deployment the README's "Running on a cluster" asks for: three KRaft
 * brokers in one quorum with replication 3 and two in sync, two or more Okienko instances each naming itself as
 * {@code application.server} and sharing the cluster's secret, and Prometheus scraping every instance. With a
 * Docker client that has Compose, {@code docker compose config} must accept the file as well.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus.yml");

    @Test
    void shouldDescribeThreeBrokersInOneQuorumReplicatingEveryTopicThreeTimes() throws IOException {
        Map<String, Map<String, Object>> brokers = services("kafka-");
        assertThat(brokers.keySet()).containsExactly("kafka-1", "kafka-2", "kafka-3");
        brokers.forEach((name, service) -> {
            Map<String, Object> env = environment(service);
            String node = name.substring("kafka-".length());
            assertThat(env.get("KAFKA_NODE_ID")).hasToString(node);
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + name + ":9092");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).hasToString("3");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).hasToString("2");
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).hasToString("2");
            assertThatCode(() -> Uuid.fromString(String.valueOf(env.get("CLUSTER_ID"))))
                    .as("CLUSTER_ID is a Kafka cluster id, or formatting the storage fails").doesNotThrowAnyException();
        });
    }

    @Test
    void shouldRunSeveralInstancesEachNamingItselfAndSharingTheSecretAndTheScrape() throws IOException {
        Map<String, Map<String, Object>> instances = services("okienko-");
        assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
        Set<String> servers = new TreeSet<>();
        instances.forEach((name, service) -> {
            Map<String, Object> env = environment(service);
            assertThat(env.get("OKIENKO_KAFKA_APPLICATIONSERVER")).as(name).isEqualTo(name + ":8080");
            servers.add(name + ":8080");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(env.get("OKIENKO_KAFKA_REPLICATIONFACTOR")).hasToString("3");
            assertThat(env.get("OKIENKO_KAFKA_STANDBYREPLICAS")).hasToString("1");
            assertThat(env).containsKeys("OKIENKO_CLUSTER_SECRET", "OKIENKO_PSEUDONYMISATION_KEY");
        });
        assertThat(instances.values().stream().map(s -> environment(s).get("OKIENKO_CLUSTER_SECRET")).collect(Collectors.toSet()))
                .as("one secret for every instance").hasSize(1);

        Map<String, Object> prometheus = new Yaml().load(Files.readString(PROMETHEUS));
        List<Map<String, Object>> jobs = list(prometheus.get("scrape_configs"));
        Set<Object> targets = jobs.stream().flatMap(job -> DockerComposeTest.<Map<String, Object>>list(job.get("static_configs")).stream())
                .flatMap(config -> list(config.get("targets")).stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(targets).as("Prometheus scrapes every instance").isEqualTo(servers);
        assertThat(services("prometheus")).hasSize(1);
    }

    @Test
    void shouldBeAcceptedByDockerComposeWhereTheClientHasIt() throws Exception {
        assumeTrue(exitCode("docker", "compose", "version") == 0, "no Docker client with Compose here");
        assertThat(exitCode("docker", "compose", "-f", COMPOSE.toString(), "config", "--quiet")).isZero();
    }

    private static Map<String, Map<String, Object>> services(String prefix) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Map<String, Object>> services = map(compose.get("services"));
        return services.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return (Map<String, V>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object yaml) {
        return (List<T>) yaml;
    }

    private static int exitCode(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
