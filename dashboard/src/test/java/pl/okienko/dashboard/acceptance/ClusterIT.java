package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import pl.okienko.dashboard.PageSession;
import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.topics.Topics;

/**
 * Okienko as a region runs it: three instances on a three-node Kafka cluster (separate processes, every topic
 * replicated three times with two in sync at least, a standby copy of every store). A scripted day of several
 * offices posted to one instance is shown with the same exact figures by every instance; a guard's console on one
 * instance sees incidents of offices another instance processes; two guards on two instances acknowledging at once
 * make one acknowledgement. Then one instance and one broker are killed with SIGKILL while events keep coming: the
 * two survivors show every office complete again, no alert is lost or doubled, webhooks deliver each alert step
 * once, and the console gets the next incident. The killed instance restarts and rebuilds its state; a cleanly
 * stopped one comes back restoring far less than a full rebuild.
 */
class ClusterIT {

    private static final String KEY = "it-cluster-key";
    private static final String ADMIN = "it-admin";
    private static final String GUARD = "it-guard";
    private static final String GUARD2 = "it-guard2";
    private static final String PASSWORD = "it-cluster-password";
    private static final String SECRET = "it-cluster-shared-secret-16";
    private static final int PARTITIONS = 3;
    private static final List<String> OFFICES = IntStream.rangeClosed(1, 6).mapToObj(i -> "IT-CLUSTER-" + i).toList();

    @TempDir
    Path root;

    private BrokerCluster brokers;
    private final List<AppProcess> instances = new ArrayList<>();
    private HttpServer webhookReceiver;
    /** Alert steps the webhook receiver got, by delivery id. */
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final Map<String, String> deliveredSteps = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (AppProcess instance : instances) {
            instance.kill();
        }
        if (brokers != null) {
            brokers.close();
        }
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    @Test
    void shouldShowEveryOfficeOnEveryInstanceAndLoseNothingWhenAnInstanceAndABrokerDie() throws Exception {
        assertThat(OFFICES.stream().map(office -> AppProcess.partition(office, PARTITIONS)).collect(Collectors.toSet()))
                .as("the offices fall on every partition").hasSize(PARTITIONS);
        startWebhookReceiver();
        brokers = new BrokerCluster(root, 3).start();
        Path directory = AppProcess.directoryFile(root, OFFICES);
        AppProcess first = instance("first", directory).start().awaitHealthy(ADMIN, PASSWORD);
        AppProcess second = instance("second", directory).start();
        AppProcess third = instance("third", directory).start();
        second.awaitHealthy(ADMIN, PASSWORD);
        third.awaitHealthy(ADMIN, PASSWORD);

        // The guard's console on the instance that will survive everything below.
        StreamLines console = new StreamLines();
        PageSession.signIn(second.port(), GUARD, PASSWORD).stream("/security/live?lang=en", console.lines::add);

        LocalDate date = LocalDate.now(ScriptedDay.WARSAW).minusDays(1);
        Map<String, ScriptedDay> days = new LinkedHashMap<>();
        Map<String, Long> extraWaits = new HashMap<>();
        for (String office : OFFICES) {
            ScriptedDay day = ScriptedDay.of(office, date, List.of("A", "B"), 10, office.hashCode());
            days.put(office, day);
            extraWaits.put(office, 0L);
            assertThat(first.client().postEvents(KEY, day.lines()).status()).isEqualTo(202);
        }
        List<String> incidentsBefore = List.of("before-1", "before-2");
        postIncident(first, OFFICES.get(0), incidentsBefore.get(0));
        postIncident(third, OFFICES.get(3), incidentsBefore.get(1));

        List<AppProcess> all = List.of(first, second, third);
        awaitEveryOfficeComplete(all, days, extraWaits, date, Duration.ofSeconds(180));
        assertSameOnEveryInstance(all, date);
        Set<String> answeredBy = new HashSet<>();
        for (AppProcess instance : all) {
            for (String office : OFFICES) {
                answeredBy.add(instance.client().get(AppProcess.queuesPath(office, date), ADMIN, PASSWORD).header("X-Okienko-Answered-By"));
            }
        }
        assertThat(answeredBy).as("every instance holds some offices").hasSize(3);
        for (String incident : incidentsBefore) {
            await().atMost(Duration.ofSeconds(60)).until(() -> console.contains("incident-alert-" + incident));
        }

        // Two guards on two instances press "acknowledge" at once: one acknowledgement, the other hears who.
        String alertId = incidentAlertId(third, OFFICES.get(3), incidentsBefore.get(1));
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpClientSupport.Reply> onFirst = CompletableFuture.supplyAsync(() -> {
            awaitLatch(go);
            return first.client().post("/api/v1/alerts/" + alertId + "/ack", GUARD, PASSWORD);
        });
        CompletableFuture<HttpClientSupport.Reply> onSecond = CompletableFuture.supplyAsync(() -> {
            awaitLatch(go);
            return second.client().post("/api/v1/alerts/" + alertId + "/ack", GUARD2, PASSWORD);
        });
        go.countDown();
        List<HttpClientSupport.Reply> answers = List.of(onFirst.get(), onSecond.get());
        assertThat(answers).extracting(HttpClientSupport.Reply::status).containsExactlyInAnyOrder(200, 409);
        Set<String> acknowledgers = answers.stream().map(reply -> reply.json().path("acknowledgedBy").asString())
                .collect(Collectors.toSet());
        assertThat(acknowledgers).as("both answers name the same first guard").hasSize(1);

        // Acknowledged incidents are not raised again, so the alert steps (and their webhooks) come to rest.
        acknowledge(first, OFFICES.get(0), incidentsBefore.get(0));
        Set<String> stepsBefore = awaitWebhooksSettled(Duration.ofSeconds(60));

        // One instance and one broker die; events keep coming to the survivors.
        third.kill();
        brokers.kill(3);
        long killedAt = System.nanoTime();
        for (int i = 0; i < OFFICES.size(); i++) {
            String office = OFFICES.get(i);
            AppProcess to = i % 2 == 0 ? first : second;
            postUntilAccepted(to, List.of(
                    QueueAcceptanceIT.event(office, office + "-after-kill-issue", "ticket_issued",
                            date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "K1", "\"queueId\":\"K\""),
                    QueueAcceptanceIT.event(office, office + "-after-kill-call", "ticket_called",
                            date.atTime(15, 4).atZone(ScriptedDay.WARSAW).toInstant(), "K1", "\"deskId\":\"D1\"")));
            extraWaits.put(office, 1L);
        }
        String incidentAfter = "after-1";
        postIncident(first, OFFICES.get(5), incidentAfter);
        List<AppProcess> survivors = List.of(first, second);
        awaitEveryOfficeComplete(survivors, days, extraWaits, date, Duration.ofSeconds(180));
        long completeMillis = (System.nanoTime() - killedAt) / 1_000_000;
        await().atMost(Duration.ofSeconds(120)).until(() -> console.contains("incident-alert-" + incidentAfter));
        long consoleMillis = (System.nanoTime() - killedAt) / 1_000_000;
        acknowledge(second, OFFICES.get(5), incidentAfter);
        System.out.printf("After killing an instance and a broker: every office complete on both survivors in %d ms, "
                + "the next incident on the console in %d ms%n", completeMillis, consoleMillis);
        assertSameOnEveryInstance(survivors, date);

        // No alert lost or doubled: each incident raised exactly once in the alert topic, each step delivered once.
        Map<String, Long> raised = raisedIncidentAlerts();
        assertThat(raised.keySet()).as("one INCIDENT alert per incident posted").hasSize(3);
        assertThat(raised).allSatisfy((alert, count) -> assertThat(count).as(alert).isEqualTo(1L));
        await("the incident posted after the kills reaches the webhook").atMost(Duration.ofSeconds(120))
                .until(() -> deliveredSteps.values().stream()
                        .anyMatch(step -> step.contains(":incident:" + incidentAfter + ":") && step.endsWith("|RAISED")));
        long webhookMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("The next incident's webhook delivered %d ms after the kills%n", webhookMillis);
        Set<String> stepsAfter = awaitWebhooksSettled(Duration.ofSeconds(120));
        assertThat(stepsAfter).containsAll(stepsBefore);
        assertThat(deliveries).as("every alert step delivered once across the instances")
                .allSatisfy((delivery, count) -> assertThat(count).as(delivery).isEqualTo(1));

        // The killed instance comes back (its state rebuilt); a cleanly stopped one restores far less.
        third.start().awaitHealthy(ADMIN, PASSWORD);
        long fullRestore = awaitRestoreSettled(third);
        second.stop();
        second.start().awaitHealthy(ADMIN, PASSWORD);
        long cleanRestore = awaitRestoreSettled(second);
        System.out.printf("Restored records: %d after kill -9, %d after a clean stop%n", fullRestore, cleanRestore);
        assertThat(fullRestore).as("the killed instance rebuilt its local state").isPositive();
        assertThat(cleanRestore).as("a clean stop keeps the local state").isLessThan(fullRestore / 4);
        awaitEveryOfficeComplete(all, days, extraWaits, date, Duration.ofSeconds(180));
        assertSameOnEveryInstance(all, date);
    }

    private AppProcess instance(String name, Path directory) throws IOException {
        int port = AppProcess.freePort();
        List<String> settings = new ArrayList<>(List.of(
                "--okienko.kafka.bootstrap-servers=" + brokers.bootstrapServers(),
                "--okienko.kafka.replication-factor=3",
                "--okienko.kafka.partitions=" + PARTITIONS,
                "--okienko.kafka.standby-replicas=1",
                "--okienko.kafka.session-timeout=10s",
                "--okienko.kafka.application-server=localhost:" + port,
                "--okienko.cluster.secret=" + SECRET,
                "--okienko.api-keys[0].key=" + KEY,
                "--okienko.api-keys[0].source=it-script",
                "--okienko.api-keys[0].offices[0]=*",
                "--okienko.pseudonymisation-key=it-cluster-pseudonymisation-key",
                "--okienko.directory.file=" + directory,
                "--okienko.webhooks.endpoints[0].id=it-all",
                "--okienko.webhooks.endpoints[0].office-id=*",
                "--okienko.webhooks.endpoints[0].url=http://localhost:" + webhookReceiver.getAddress().getPort() + "/hook",
                "--okienko.webhooks.endpoints[0].secret=it-webhook-secret",
                "--okienko.webhooks.endpoints[0].types[0]=INCIDENT"));
        List<String[]> users = List.of(new String[] {ADMIN, "ADMIN"}, new String[] {GUARD, "SECURITY"},
                new String[] {GUARD2, "SECURITY"});
        for (int i = 0; i < users.size(); i++) {
            settings.add("--okienko.security.users[" + i + "].username=" + users.get(i)[0]);
            settings.add("--okienko.security.users[" + i + "].password=" + PASSWORD);
            settings.add("--okienko.security.users[" + i + "].roles[0]=" + users.get(i)[1]);
            settings.add("--okienko.security.users[" + i + "].offices[0]=*");
        }
        AppProcess instance = new AppProcess(port, root.resolve(name), settings);
        instances.add(instance);
        return instance;
    }

    private void awaitEveryOfficeComplete(List<AppProcess> on, Map<String, ScriptedDay> days, Map<String, Long> extra,
            LocalDate date, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (AppProcess instance : on) {
                for (String office : OFFICES) {
                    HttpClientSupport.Reply reply = instance.client().get(AppProcess.queuesPath(office, date), ADMIN, PASSWORD);
                    assertThat(reply.status()).as(office + " on " + instance.port() + ": " + reply.body()).isEqualTo(200);
                    JsonNode view = reply.json();
                    assertThat(view.path("office").path("waitTime").path("count").asLong()).as(office)
                            .isEqualTo(days.get(office).expectedOfficeWait().count() + extra.get(office));
                    for (JsonNode queue : view.path("queues")) {
                        String id = queue.path("id").asString();
                        if (!id.equals("K")) {
                            days.get(office).expectedWait(id).assertShownIn(queue.path("waitTime"));
                            days.get(office).expectedService(id).assertShownIn(queue.path("serviceTime"));
                        }
                    }
                }
            }
        });
    }

    /**
     * The office list, every office's views of every concern and CSV export, and the alert list, equal on every instance.
     * An instance answers 503 for the moment of a rebalance (Kafka Streams moves a warmed-up task back to it after
     * its standby caught up, at a time of its own): the instances must agree once it is over.
     */
    private static void assertSameOnEveryInstance(List<AppProcess> on, LocalDate date) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> compareEveryInstance(on, date));
    }

    private static void compareEveryInstance(List<AppProcess> on, LocalDate date) {
        AppProcess reference = on.get(0);
        for (AppProcess other : on.subList(1, on.size())) {
            assertThat(other.client().get("/api/v1/offices", ADMIN, PASSWORD).json())
                    .isEqualTo(reference.client().get("/api/v1/offices", ADMIN, PASSWORD).json());
            LocalDate today = LocalDate.now(ScriptedDay.WARSAW);
            for (String office : OFFICES) {
                for (String view : List.of("queues?date=" + date, "priority?date=" + date, "phone?date=" + date,
                        "callbacks?date=" + date, "email?date=" + date, "complaints?date=" + date, "incidents?date=" + today)) {
                    String path = "/api/v1/offices/" + office + "/" + view;
                    HttpClientSupport.Reply answer = other.client().get(path, ADMIN, PASSWORD);
                    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
                    assertThat(withoutAsOf(answer.json())).as(path)
                            .isEqualTo(withoutAsOf(reference.client().get(path, ADMIN, PASSWORD).json()));
                }
                String csv = "/api/v1/offices/" + office + "/days.csv?from=" + date + "&to=" + date;
                assertThat(other.client().get(csv, ADMIN, PASSWORD).body()).as(office)
                        .isEqualTo(reference.client().get(csv, ADMIN, PASSWORD).body());
            }
            assertThat(alertIds(other)).isEqualTo(alertIds(reference));
        }
    }

    /** A view without the time it was computed at, which differs from one request to the next. */
    private static JsonNode withoutAsOf(JsonNode view) {
        if (view instanceof ObjectNode object) {
            object.remove("asOf");
        }
        return view;
    }

    private static Set<String> alertIds(AppProcess instance) {
        HttpClientSupport.Reply reply = instance.client().get("/api/v1/alerts?state=all", ADMIN, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        reply.json().forEach(alert -> ids.add(alert.path("alertId").asString()));
        return ids;
    }

    private static void postIncident(AppProcess to, String office, String incidentId) {
        postUntilAccepted(to, List.of("{\"eventId\":\"" + incidentId + "-reported\",\"type\":\"incident_reported\","
                + "\"officeId\":\"" + office + "\",\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"it-script\","
                + "\"incidentId\":\"" + incidentId + "\",\"deskId\":\"S1\",\"level\":3,\"channel\":\"IN_PERSON\"}"));
    }

    private static void acknowledge(AppProcess on, String office, String incidentId) {
        String alertId = incidentAlertId(on, office, incidentId);
        assertThat(on.client().post("/api/v1/alerts/" + alertId + "/ack", GUARD, PASSWORD).status()).isEqualTo(200);
    }

    /** Posts as a connector would while the cluster fails over: again until accepted (event ids make it count once). */
    private static void postUntilAccepted(AppProcess to, List<String> lines) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpClientSupport.Reply reply = to.client().postEvents(KEY, lines);
            if (reply.status() / 100 == 4) {
                throw new AssertionError("events refused: " + reply.body());
            }
            return reply.status() == 202;
        });
    }

    private static String incidentAlertId(AppProcess on, String office, String incidentId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode open = on.client().get("/api/v1/offices/" + office + "/incidents", GUARD, PASSWORD).json().path("open");
            for (JsonNode incident : open) {
                if (incident.path("incidentId").asString().equals(incidentId) && !incident.path("alertId").isMissingNode()) {
                    id[0] = incident.path("alertId").asString();
                }
            }
            assertThat(id[0]).as("alert of incident " + incidentId).isNotBlank();
        });
        return id[0];
    }

    /** INCIDENT alerts raised in {@code okienko.alerts}, as a read_committed reader sees them: alert id → RAISED steps. */
    private Map<String, Long> raisedIncidentAlerts() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(config, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, Long> raised = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                    Alert alert = record.value();
                    if (alert.getType() == AlertType.INCIDENT && alert.getState() == AlertState.RAISED) {
                        raised.merge(alert.getAlertId(), 1L, Long::sum);
                    }
                }
            }
            return raised;
        }
    }

    private void startWebhookReceiver() throws IOException {
        webhookReceiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        webhookReceiver.createContext("/hook", exchange -> {
            JsonNode step = HttpClientSupport.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String delivery = step.path("deliveryId").asString();
            deliveries.merge(delivery, 1, Integer::sum);
            deliveredSteps.put(delivery, step.path("alertId").asString() + "|" + step.path("state").asString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    /** Waits until no new delivery came for five seconds and returns the alert steps delivered so far. */
    private Set<String> awaitWebhooksSettled(Duration within) {
        awaitSettled(() -> deliveries.values().stream().mapToLong(Integer::longValue).sum(), 1, 0, within);
        return new TreeSet<>(deliveredSteps.values());
    }

    /**
     * Waits until the instance has caught up with the changelogs (in five seconds it read at most a hundred more
     * records: the standby copies keep following what the active ones write); returns how much it read.
     */
    private static long awaitRestoreSettled(AppProcess instance) {
        return awaitSettled(() -> restoredRecords(instance), 0, 100, Duration.ofSeconds(120));
    }

    /**
     * Waits until a growing count is at least {@code minimum} and has grown by at most {@code tolerance} in the last
     * five seconds; returns its last value.
     */
    private static long awaitSettled(LongSupplier count, long minimum, long tolerance, Duration within) {
        long[] reference = {-1};
        long[] since = {System.nanoTime()};
        long[] now = {0};
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
            now[0] = count.getAsLong();
            if (now[0] - reference[0] > tolerance) {
                reference[0] = now[0];
                since[0] = System.nanoTime();
            }
            return now[0] >= minimum && System.nanoTime() - since[0] > Duration.ofSeconds(5).toNanos();
        });
        return now[0];
    }

    /** The records the instance read from changelogs since it started (restored and standby), from its Prometheus metrics. */
    private static long restoredRecords(AppProcess instance) {
        HttpClientSupport.Reply reply = instance.client().getText("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String metrics = reply.body();
        assertThat(metrics).contains("okienko_streams_restored_records_total{");
        return Math.round(metrics.lines().filter(line -> line.startsWith("okienko_streams_restored_records_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The lines of a Server-Sent Events stream received so far. */
    private static final class StreamLines {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        boolean contains(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }
}
