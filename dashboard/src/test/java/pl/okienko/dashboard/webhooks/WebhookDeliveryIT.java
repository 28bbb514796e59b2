package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.platform.kafka.BackOffs;
import pl.okienko.topics.Topics;

/**
 * Webhook delivery on the running application and its broker (I1): alert steps of an office are
 * POSTed, signed with HMAC-SHA256, to a receiver on 127.0.0.1; while the receiver is down they are
 * retried with backoff, across a restart of the dispatcher, and none is lost or reordered.
 */
class WebhookDeliveryIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String SECRET = "it-webhook-shared-secret";

    private record Received(String body, String timestamp, String signature, String deliveryId) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    @AutoClose
    private WebhookDispatcher dispatcher;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void signedDeliveriesAreRetriedThroughAReceiverOutageAndADispatcherRestartAndNoneIsLost() throws Exception {
        int port = freePort();
        String office = registeredOffice("IT-HOOK");
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint(unique("hook"), office,
                "http://127.0.0.1:" + port + "/okienko", SECRET, Set.of());
        BackOff fast = BackOffs.doubling(Duration.ofMillis(100), Duration.ofMillis(400));
        dispatcher = new WebhookDispatcher(endpoint, fast, cluster.clientConfig()).start();
        assertThat(dispatcher.awaitReady(Duration.ofSeconds(30))).isTrue();

        // The receiver is down (nothing listens on its port) while three incidents happen and one is resolved.
        Instant now = Instant.now();
        List<String> lines = List.of(
                event(office, "panic_button", "p1", now, "\"deskId\":\"S1\""),
                event(office, "incident_reported", "i2", now.plusMillis(1), "\"deskId\":\"S2\",\"level\":4,\"channel\":\"IN_PERSON\""),
                event(office, "incident_escalated", "i3", now.plusMillis(2), "\"to\":\"SECURITY\""),
                event(office, "incident_resolved", "p1", now.plusMillis(3), "\"outcome\":\"FALSE_ALARM\""));
        assertThat(postEvents(ANY_KEY, "application/x-ndjson", String.join("\n", lines)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.status().failedAttempts() >= 3);
        assertThat(dispatcher.status().state()).isEqualTo("RETRYING");
        assertThat(dispatcher.status().lastError()).contains("Connect");
        assertThat(dispatcher.status().delivered()).isZero();

        // The application restarts its dispatcher while the receiver is still down.
        dispatcher.close();
        dispatcher = new WebhookDispatcher(endpoint, fast, cluster.clientConfig()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.status().failedAttempts() >= 1);

        startReceiver(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 4);

        List<JsonNode> steps = received.stream().map(r -> parse(r.body())).toList();
        assertThat(steps).extracting(s -> s.path("subjectId").asString() + ":" + s.path("state").asString())
                .startsWith("p1:RAISED", "i2:RAISED", "i3:RAISED", "p1:CLEARED");
        assertThat(steps.get(0).path("type").asString()).isEqualTo("INCIDENT");
        assertThat(steps.get(0).path("officeId").asString()).isEqualTo(office);
        assertThat(steps.get(3).path("details").path("outcome").asString()).isEqualTo("FALSE_ALARM");
        assertThat(received).allSatisfy(r -> {
            assertThat(WebhookSignature.verify(SECRET, r.timestamp(), r.body(), r.signature())).isTrue();
            assertThat(WebhookSignature.verify("another-secret", r.timestamp(), r.body(), r.signature())).isFalse();
        });
        assertThat(received.stream().map(Received::deliveryId).distinct().count()).isEqualTo(received.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(dispatcher.status().state()).isEqualTo("OK");
            assertThat(dispatcher.status().delivered()).isEqualTo(received.size());
        });
    }

    @Test
    void anUnreadableRecordOnTheAlertsTopicIsSkippedAndDeliveryGoesOn() throws Exception {
        int port = freePort();
        startReceiver(port);
        String office = registeredOffice("IT-HOOK-BAD");
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint(unique("hook"), office,
                "http://127.0.0.1:" + port + "/okienko", SECRET, Set.of());
        dispatcher = new WebhookDispatcher(endpoint, BackOffs.doubling(Duration.ofMillis(100), Duration.ofMillis(400)),
                cluster.clientConfig()).start();
        assertThat(dispatcher.awaitReady(Duration.ofSeconds(30))).isTrue();

        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), office, "not an alert".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        assertThat(postEvents(ANY_KEY, "application/json",
                event(office, "panic_button", "p1", Instant.now(), "\"deskId\":\"S1\"")).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        assertThat(parse(received.get(0).body()).path("subjectId").asString()).isEqualTo("p1");
        assertThat(dispatcher.status().state()).isEqualTo("OK");
        assertThat(dispatcher.status().lastError()).startsWith("skipped an unreadable alert at " + Topics.ALERTS.name());
    }

    @Test
    void anAdministratorSeesTheDeliveryStatusOfTheConfiguredEndpoints() {
        assertThat(get("/api/v1/webhooks", "admin", "admin-password").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/webhooks", "supervisor", "supervisor-password").statusCode()).isEqualTo(403);
    }

    private static String event(String officeId, String type, String incidentId, Instant at, String fields) {
        return "{\"eventId\":\"" + unique("ev") + "\",\"type\":\"" + type + "\",\"officeId\":\"" + officeId
                + "\",\"occurredAt\":\"" + at + "\",\"source\":\"it-webhooks\",\"incidentId\":\"" + incidentId + "\","
                + fields + "}";
    }

    private void startReceiver(int port) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        receiver.createContext("/okienko", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError(body, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
