package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import pl.okienko.dashboard.PageSession;
import pl.okienko.dashboard.platform.web.ViewEnvelope;

/**
 * Two Okienko instances of one deployment, each holding part of the offices' partitions (and a standby
 * copy of the other's): every office's views, day page and CSV export answer the same, exact figures on either
 * instance, and after one instance is killed with SIGKILL the other answers every office alone.
 */
class TwoInstancesIT {

    private static final String KEY = "it-two-key";
    private static final String USER = "it-admin";
    private static final String PASSWORD = "it-admin-password";
    private static final String SECRET = "it-two-instances-shared-secret";
    private static final int PARTITIONS = 3;
    /** Offices spread over every partition (checked below), so each instance holds some of them. */
    private static final List<String> OFFICES = IntStream.rangeClosed(1, 8).mapToObj(i -> "IT-TWO-" + i).toList();

    private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"[^\"]*\"");

    @TempDir
    Path root;

    private AppProcess first;
    private AppProcess second;

    @AfterEach
    void stop() throws Exception {
        if (second != null) {
            second.kill();
        }
        if (first != null) {
            first.killAndAwaitBroker();
        }
    }

    @Test
    void shouldAnswerEveryOfficeWithTheSameFiguresOnEitherInstanceAndOnTheSurvivorAfterAKill() throws Exception {
        assertThat(OFFICES.stream().map(office -> AppProcess.partition(office, PARTITIONS)).collect(Collectors.toSet()))
                .as("the offices fall on every partition").hasSize(PARTITIONS);
        int kafkaPort = AppProcess.freePort();
        Path directory = AppProcess.directoryFile(root, OFFICES);
        first = instance(root.resolve("first"), directory, "--okienko.embedded.port=" + kafkaPort);
        first.start().awaitHealthy(USER, PASSWORD);
        second = instance(root.resolve("second"), directory, "--okienko.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "--okienko.kafka.replication-factor=1");
        second.start().awaitHealthy(USER, PASSWORD);

        LocalDate date = LocalDate.now(ScriptedDay.WARSAW).minusDays(1);
        Map<String, ScriptedDay> days = new LinkedHashMap<>();
        for (String office : OFFICES) {
            ScriptedDay day = ScriptedDay.of(office, date, List.of("A", "B"), 12, office.hashCode());
            days.put(office, day);
            assertThat(first.client().postEvents(KEY, day.lines()).status()).isEqualTo(202);
        }

        Set<String> answeredBy = new HashSet<>();
        for (AppProcess instance : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String office : OFFICES) {
                    assertThat(waitCount(instance, office, date)).as(office)
                            .isEqualTo(days.get(office).expectedOfficeWait().count());
                }
            });
            for (String office : OFFICES) {
                HttpClientSupport.Reply reply = instance.client().get(AppProcess.queuesPath(office, date), USER, PASSWORD);
                assertQueueFigures(reply.json(), days.get(office));
                assertThat(reply.header(ViewEnvelope.COPY)).isEqualTo("active");
                answeredBy.add(reply.header(ViewEnvelope.ANSWERED_BY));
            }
        }
        assertThat(answeredBy).as("each instance answers the offices of its partitions, for itself and the other")
                .containsExactlyInAnyOrder("localhost:" + first.port(), "localhost:" + second.port());
        PageSession firstPages = PageSession.signIn(first.port(), USER, PASSWORD);
        PageSession secondPages = PageSession.signIn(second.port(), USER, PASSWORD);
        for (String office : OFFICES) {
            assertThat(first.client().get(AppProcess.queuesPath(office, date), USER, PASSWORD).json())
                    .isEqualTo(second.client().get(AppProcess.queuesPath(office, date), USER, PASSWORD).json());
            String page = "/offices/" + office + "/days/" + date + "?lang=en";
            HttpResponse<String> onFirst = firstPages.get(page);
            assertThat(onFirst.statusCode()).isEqualTo(200);
            assertThat(comparable(secondPages.get(page).body())).as(page).isEqualTo(comparable(onFirst.body()));
            String csv = "/api/v1/offices/" + office + "/days.csv?from=" + date + "&to=" + date;
            assertThat(first.client().get(csv, USER, PASSWORD).body())
                    .isEqualTo(second.client().get(csv, USER, PASSWORD).body());
        }

        second.kill();
        long killedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String office : OFFICES) {
                HttpClientSupport.Reply reply = first.client().get(AppProcess.queuesPath(office, date), USER, PASSWORD);
                assertThat(reply.status()).as(office + ": " + reply.body()).isEqualTo(200);
                assertQueueFigures(reply.json(), days.get(office));
            }
        });
        System.out.printf("Every office answered by the survivor %d ms after the kill%n",
                (System.nanoTime() - killedAt) / 1_000_000);

        // New events of every office are processed by the survivor once it has taken the dead one's partitions.
        for (String office : OFFICES) {
            String issued = QueueAcceptanceIT.event(office, office + "-after-kill-issue", "ticket_issued",
                    date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "K1", "\"queueId\":\"K\"");
            String called = QueueAcceptanceIT.event(office, office + "-after-kill-call", "ticket_called",
                    date.atTime(15, 4).atZone(ScriptedDay.WARSAW).toInstant(), "K1", "\"deskId\":\"D1\"");
            assertThat(first.client().postEvents(KEY, List.of(issued, called)).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String office : OFFICES) {
                assertThat(waitCount(first, office, date)).as(office)
                        .isEqualTo(days.get(office).expectedOfficeWait().count() + 1);
            }
        });
        System.out.printf("Every office's new events processed by the survivor %d ms after the kill%n",
                (System.nanoTime() - killedAt) / 1_000_000);
    }

    /** An office's page without what differs from one session to the next (the forms' CSRF tokens). */
    private static String comparable(String html) {
        return CSRF_VALUE.matcher(html).replaceAll("name=\"_csrf\" value=\"\"");
    }

    private AppProcess instance(Path dataDir, Path directory, String... own) throws IOException {
        int port = AppProcess.freePort();
        List<String> settings = new ArrayList<>(List.of(
                "--okienko.kafka.partitions=" + PARTITIONS,
                "--okienko.kafka.standby-replicas=1",
                "--okienko.kafka.session-timeout=10s",
                "--okienko.kafka.application-server=localhost:" + port,
                "--okienko.cluster.secret=" + SECRET,
                "--okienko.pseudonymisation-key=it-two-pseudonymisation-key",
                "--okienko.directory.file=" + directory));
        settings.addAll(AppProcess.admin(USER, PASSWORD));
        settings.addAll(AppProcess.anyOfficeKey(KEY));
        settings.addAll(List.of(own));
        return new AppProcess(port, dataDir, settings);
    }




    private static long waitCount(AppProcess instance, String office, LocalDate date) {
        return instance.client().get(AppProcess.queuesPath(office, date), USER, PASSWORD).json()
                .path("office").path("waitTime").path("count").asLong();
    }

    private static void assertQueueFigures(JsonNode view, ScriptedDay day) {
        assertThat(view.path("office").path("waitTime").path("count").asLong()).isEqualTo(day.expectedOfficeWait().count());
        for (JsonNode queue : view.path("queues")) {
            String id = queue.path("id").asString();
            day.expectedWait(id).assertShownIn(queue.path("waitTime"));
            day.expectedService(id).assertShownIn(queue.path("serviceTime"));
        }
    }
}
