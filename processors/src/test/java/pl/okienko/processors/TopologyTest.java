package pl.okienko.processors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * The set-up every topology test shares: its topology under a {@link TopologyTestDriver} with Okienko's
 * streams settings, state in a temporary directory and the wall clock starting at a given instant, and
 * the topics every topology has (the directory and policies in; alerts and dead letters out). JUnit makes
 * a test instance per test, so every test has a driver of its own, started before the subclass's fields
 * are initialised (they may be its topics) and closed after the test.
 */
public abstract class TopologyTest {

    private final Instant wallClock;
    private final Path stateDir;

    protected final TopologyTestDriver driver;
    protected final TestInputTopic<String, Office> offices;
    protected final TestInputTopic<String, Policy> policies;
    protected final TestOutputTopic<String, Alert> alerts;
    protected final TestOutputTopic<byte[], byte[]> deadLetters;

    /**
     * @param application the application id, one per test class
     * @param topology the topology under test
     * @param wallClock where the driver's wall clock starts
     */
    protected TopologyTest(String application, Topology topology, Instant wallClock) {
        this(application, topology, wallClock, Map.of());
    }

    /** @param office the test's office, in the directory before the test starts */
    protected TopologyTest(String application, Topology topology, Instant wallClock, Office office) {
        this(application, topology, wallClock, Map.of());
        office(office);
    }

    /** @param settings more Kafka Streams settings, e.g. a what-if replay's scope */
    protected TopologyTest(String application, Topology topology, Instant wallClock, Map<String, Object> settings) {
        this.wallClock = wallClock;
        try {
            stateDir = Files.createTempDirectory(application);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(topology, StreamsSettings.properties(application, "dummy:9092", stateDir, settings),
                wallClock);
        offices = input(Topics.OFFICES);
        policies = input(Topics.POLICIES);
        alerts = TestTopics.output(driver, Topics.ALERTS);
        deadLetters = TestTopics.output(driver, Topics.DEADLETTER);
    }

    @AfterEach
    protected final void closeDriver() throws IOException {
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    protected <K, V> TestInputTopic<K, V> input(TopicSpec<K, V> topic) {
        return TestTopics.input(driver, topic);
    }

    /** The topic written with raw bytes as values, for records the contract check must turn away. */
    protected <K> TestInputTopic<K, byte[]> raw(TopicSpec<K, ?> topic) {
        return TestTopics.raw(driver, topic);
    }

    /** The driver's stores, as the views read them. */
    protected TestDriverStores stores() {
        return new TestDriverStores(driver);
    }

    /** Every key of one of the driver's key-value stores, in key order. */
    protected List<Object> keys(String store) {
        return stores().keys(store);
    }

    /** So many seconds after the driver's wall clock started. */
    protected Instant at(int seconds) {
        return wallClock.plusSeconds(seconds);
    }

    /** The test office {@code officeId}, "Urząd testowy", for the test to give its units. */
    protected static Office.Builder testOffice(String officeId) {
        return Office.newBuilder().setOfficeId(officeId).setName("Urząd testowy");
    }

    /** Publishes an office to the directory, as the directory bootstrap would. */
    protected void office(Office office) {
        offices.pipeInput(office.getOfficeId(), office);
    }
}
