package pl.okienko.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.topics.TopicSpec;

/**
 * Base of the integration tests: the whole application on a random port with a real embedded KRaft
 * broker, data in a fresh directory under {@code target/}, the example directory and the tests' offices
 * loaded, and known users and API keys. Every subclass uses exactly this configuration, so Spring's
 * test context cache starts the application (and the broker) once for the whole suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "okienko.embedded.port=0",
        "okienko.kafka.partitions=1",
        "okienko.pseudonymisation-key=integration-test-pseudonymisation-key",
        "okienko.security.users[0].username=admin",
        "okienko.security.users[0].password=admin-password",
        "okienko.security.users[0].roles=ADMIN",
        "okienko.security.users[1].username=supervisor",
        "okienko.security.users[1].password=supervisor-password",
        "okienko.security.users[1].roles=SUPERVISOR",
        "okienko.security.users[1].offices=UM-JED",
        "okienko.security.users[2].username=guard",
        "okienko.security.users[2].password=guard-password",
        "okienko.security.users[2].roles=SECURITY",
        "okienko.security.users[2].offices=UM-JED",
        "okienko.security.users[3].username=guard2",
        "okienko.security.users[3].password=guard2-password",
        "okienko.security.users[3].roles=SECURITY",
        "okienko.security.users[3].offices=UM-JED",
        // Two users whose wrong passwords LoginThrottleIT spends; nobody else's may be held back.
        "okienko.security.users[4].username=" + IntegrationTest.THROTTLED_BASIC_USER,
        "okienko.security.users[4].password=" + IntegrationTest.THROTTLED_PASSWORD,
        "okienko.security.users[4].roles=ANALYST",
        "okienko.security.users[4].offices=UM-JED",
        "okienko.security.users[5].username=" + IntegrationTest.THROTTLED_FORM_USER,
        "okienko.security.users[5].password=" + IntegrationTest.THROTTLED_PASSWORD,
        "okienko.security.users[5].roles=ANALYST",
        "okienko.security.users[5].offices=UM-JED",
        // A guard of an office no other test sends events for, so that its console can be all clear (SecurityConsolePageIT).
        "okienko.security.users[6].username=" + IntegrationTest.SOLE_GUARD,
        "okienko.security.users[6].password=" + IntegrationTest.SOLE_GUARD_PASSWORD,
        "okienko.security.users[6].roles=SECURITY",
        "okienko.security.users[6].offices=" + IntegrationTest.GUARDED_OFFICE,
        // An analyst of every office: the offices an analyst compares are registered by the test (AnalyticsPageIT).
        "okienko.security.users[7].username=" + IntegrationTest.ANALYST,
        "okienko.security.users[7].password=" + IntegrationTest.ANALYST_PASSWORD,
        "okienko.security.users[7].roles=ANALYST",
        "okienko.security.users[7].offices=*",
        // The default failure counts, with back-offs short enough for a test to wait them out.
        "okienko.security.login-throttle.user-failures=5",
        "okienko.security.login-throttle.address-failures=20",
        "okienko.security.login-throttle.back-off=2s",
        "okienko.security.login-throttle.max-back-off=4s",
        "okienko.api-keys[0].key=" + IntegrationTest.TOWN_KEY,
        "okienko.api-keys[0].source=qmatic-1",
        "okienko.api-keys[0].offices=UM-JED",
        "okienko.api-keys[1].key=" + IntegrationTest.ANY_KEY,
        "okienko.api-keys[1].source=*",
        "okienko.api-keys[1].offices=*"})
public abstract class IntegrationTest {

    /** May send events of source qmatic-1 for UM-JED only. */
    protected static final String TOWN_KEY = "it-town-key-0123456789";
    /** May send any events for any office. */
    protected static final String ANY_KEY = "it-any-key-0123456789";
    protected static final String THROTTLED_BASIC_USER = "throttled-basic";
    protected static final String THROTTLED_FORM_USER = "throttled-form";
    protected static final String THROTTLED_PASSWORD = "throttled-password";
    /** The one guard of {@link #GUARDED_OFFICE}, an office the test that uses it registers with its desks. */
    protected static final String SOLE_GUARD = "guard-it";
    protected static final String SOLE_GUARD_PASSWORD = "guard-it-password";
    protected static final String GUARDED_OFFICE = "IT-GUARDED";
    /** An analyst who may see every office. */
    protected static final String ANALYST = "analyst";
    protected static final String ANALYST_PASSWORD = "analyst-password";
    protected static final String TOWN = "UM-JED";
    protected static final String COUNTY = "SP-GOS";

    /**
     * The fixed offices tests send events for, besides the example directory's. Ingestion refuses events
     * for an office missing from the directory; these are registered with a name only, so, as an office
     * missing from it would, they have the default time zone and hours and no unit of theirs is checked.
     */
    protected static final List<String> TEST_OFFICES = List.of("IT-DAY-REPORT", "IT-DLQ", "IT-LIVE", "IT-PAST",
            "IT-PHONE", "IT-PHONE-LIVE", "IT-PHONE-PRIVACY", "IT-PHONE-WEEKS", "IT-PRIO");

    private static final JsonMapper DIRECTORY_JSON = JsonMapper.shared();
    private static final JsonMapper JSON_BODY = JsonMapper.shared();
    private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaCluster cluster;

    @Autowired
    protected StreamsRuntime streams;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("okienko.data-dir", DATA_DIR::toString);
        registry.add("okienko.directory.file", () -> exampleDirectory().toString());
    }

    @BeforeEach
    void awaitStreamsRunning() {
        await().atMost(Duration.ofSeconds(90)).until(() -> streams.applications().values().stream()
                .allMatch(application -> application.current().state() == KafkaStreams.State.RUNNING));
    }

    protected HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    /** The status {@code GET path} answers {@code user} with: the check of an access rule or a refused parameter. */
    protected int status(String path, String user, String password) {
        return get(path, user, password).statusCode();
    }

    protected HttpResponse<String> send(String method, String path, String user, String password, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postEvents(String apiKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A queue event in the HTTP wire form, occurring now. */
    protected static String ticketIssued(String eventId, String officeId, String source, String ticketId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"ticket_issued\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + java.time.Instant.now() + "\",\"source\":\"" + source
                + "\",\"ticketId\":\"" + ticketId + "\",\"queueId\":\"A\"}";
    }

    /**
     * Reads {@code spec}'s topic as a read_committed consumer until {@code done} holds for the values
     * read so far, and returns them. Records that do not decode are left out: tests share the topics,
     * and some write unreadable records on purpose (e.g. to see them skipped). Tombstones are kept, with a null
     * value, where they mean something (the directory's deletions), and left out of event topics.
     */
    protected <V extends SpecificRecord> List<ConsumerRecord<String, V>> readUntil(TopicSpec<String, V> spec,
            Predicate<List<ConsumerRecord<String, V>>> done) {
        Map<String, Object> config = new java.util.HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(spec.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.test(read)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gave up reading " + spec.name() + " after 30 s with " + read.size() + " records");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    V value;
                    try {
                        value = spec.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    } catch (SerializationException e) {
                        continue;
                    }
                    if (value == null && spec.kind() == TopicSpec.Kind.EVENTS) {
                        continue; // a tombstone is no event (PoisonRecordIT writes some on purpose)
                    }
                    read.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                            record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), value,
                            record.headers(), record.leaderEpoch()));
                }
            }
        }
        return read;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    /** Sends {@code request} with {@code client}, e.g. one that keeps a signed-in person's cookies. */
    protected static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Registers a new office, named by its id and listing no units, and waits until ingestion can see
     * it: ingestion refuses events for an office the directory does not hold.
     *
     * @return the office's id, {@code prefix} made unique
     */
    protected String registeredOffice(String prefix) {
        String officeId = unique(prefix);
        HttpResponse<String> put = send("PUT", "/api/v1/admin/offices/" + officeId, "admin", "admin-password",
                "application/json", "{\"name\":\"" + officeId + "\"}");
        if (put.statusCode() != 200) {
            throw new AssertionError("could not register office " + officeId + ": " + put.statusCode() + " " + put.body());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/offices/" + officeId, "admin", "admin-password")
                .statusCode() == 200);
        return officeId;
    }

    /** The example directory, plus the fixed offices of the tests ({@link #TEST_OFFICES}) with a name only. */
    private static Path exampleDirectory() {
        Path file = DATA_DIR.resolve("directory-example.json");
        try (InputStream in = IntegrationTest.class.getResourceAsStream("/directory-example.json")) {
            ObjectNode directory = (ObjectNode) DIRECTORY_JSON.readTree(in);
            ArrayNode offices = (ArrayNode) directory.get("offices");
            TEST_OFFICES.forEach(officeId -> offices.addObject().put("officeId", officeId).put("name", officeId));
            Files.createDirectories(DATA_DIR);
            DIRECTORY_JSON.writeValue(file.toFile(), directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The body of {@code response} as JSON, whatever its status (a problem's members are read the same way). */
    protected static JsonNode jsonBody(HttpResponse<String> response) {
        try {
            return JSON_BODY.readTree(response.body());
        } catch (JacksonException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The element of a JSON array whose {@code field} is {@code value}; an AssertionError when there is none. */
    protected static JsonNode element(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asString().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
