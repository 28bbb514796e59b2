package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Acceptance of the foundation issue: after the application is killed with SIGKILL and started
 * again on the same data directory, the views show the same figures and nothing is counted
 * twice, even when the building system sends the same batch again. Runs the packaged jar as a
 * child JVM, as an operator would.
 */
class RestartIT {

    private static final String KEY = "it-restart-key";
    private static final String USER = "it-admin";
    private static final String PASSWORD = "it-admin-password";

    @RegisterExtension
    final InstancePerTest instance = new InstancePerTest();

    /**
     * Two kills on one data directory (an application start costs half a minute on two cores, so both cases share
     * one instance): first while idle, with every event processed, then while it is still busy with a day.
     */
    @Test
    void shouldShowTheSameFiguresAfterKillMinusNineAndCountNothingTwiceEvenWhenKilledWhileStillProcessing()
            throws Exception {
        AppProcess app = instance.create(settings());
        HttpClientSupport client = app.client();
        LocalDate date = LocalDate.now(ScriptedDay.WARSAW).minusDays(1);
        ScriptedDay day = ScriptedDay.of("IT-RESTART", date, List.of("A", "B"), 40, 5);
        String path = "/api/v1/offices/IT-RESTART/queues?date=" + date;

        app.start().awaitHealthy(USER, PASSWORD);
        assertThat(client.postEvents(KEY, day.lines()).status()).isEqualTo(202);
        long expectedWaits = day.expectedOfficeWait().count();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitCount(client, path))
                .isEqualTo(expectedWaits));
        JsonNode before = client.get(path, USER, PASSWORD).json();

        app.kill();
        app.start().awaitHealthy(USER, PASSWORD);

        // what was processed but not yet committed when the process died is processed again after the start
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.get(path, USER, PASSWORD).json())
                .isEqualTo(before));
        // the building system did not hear the 202 and sends everything again
        assertThat(client.postEvents(KEY, day.lines()).status()).isEqualTo(202);
        String marker = QueueAcceptanceIT.event("IT-RESTART", "it-restart-marker-issue", "ticket_issued",
                date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "Z1", "\"queueId\":\"A\"");
        String markerCall = QueueAcceptanceIT.event("IT-RESTART", "it-restart-marker-call", "ticket_called",
                date.atTime(15, 5).atZone(ScriptedDay.WARSAW).toInstant(), "Z1", "\"deskId\":\"D1\"");
        assertThat(client.postEvents(KEY, List.of(marker, markerCall)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitCount(client, path))
                .isEqualTo(expectedWaits + 1));
        assertThat(client.get(path, USER, PASSWORD).json().path("office").path("serviceTime"))
                .isEqualTo(before.path("office").path("serviceTime"));
        JsonNode afterFirstKill = client.get(path, USER, PASSWORD).json();

        ScriptedDay busyDay = ScriptedDay.of("IT-RESTART-BUSY", date, List.of("A", "B", "C"), 150, 11);
        String busyPath = "/api/v1/offices/IT-RESTART-BUSY/queues?date=" + date;
        List<String> lines = busyDay.lines();
        // small batches back to back keep the topology busy; the process dies right after half the day is in
        for (int from = 0; from < lines.size() / 2; from += 25) {
            assertThat(client.postEvents(KEY, lines.subList(from, from + 25)).status()).isEqualTo(202);
        }
        app.kill();
        app.start().awaitHealthy(USER, PASSWORD);
        // the building system heard nothing more and sends the whole day again, then one more client in queue M:
        // an office's events are processed in order, so once M shows, everything before it has been counted
        for (int from = 0; from < lines.size(); from += 100) {
            assertThat(client.postEvents(KEY, lines.subList(from, Math.min(lines.size(), from + 100))).status())
                    .isEqualTo(202);
        }
        String busyMarker = QueueAcceptanceIT.event("IT-RESTART-BUSY", "it-restart-busy-marker-issue", "ticket_issued",
                date.atTime(15, 0).atZone(ScriptedDay.WARSAW).toInstant(), "M1", "\"queueId\":\"M\"");
        String busyMarkerCall = QueueAcceptanceIT.event("IT-RESTART-BUSY", "it-restart-busy-marker-call", "ticket_called",
                date.atTime(15, 5).atZone(ScriptedDay.WARSAW).toInstant(), "M1", "\"deskId\":\"D1\"");
        assertThat(client.postEvents(KEY, List.of(busyMarker, busyMarkerCall)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(queue(client, busyPath, "M")
                .path("waitTime").path("count").asLong()).isEqualTo(1));

        for (String queue : List.of("A", "B", "C")) {
            JsonNode figures = queue(client, busyPath, queue);
            busyDay.expectedWait(queue).assertShownIn(figures.path("waitTime"));
            busyDay.expectedService(queue).assertShownIn(figures.path("serviceTime"));
        }
        // and the first office, untouched since, still shows what it showed before the second kill
        assertThat(client.get(path, USER, PASSWORD).json()).isEqualTo(afterFirstKill);
    }

    private static JsonNode queue(HttpClientSupport client, String path, String queueId) {
        for (JsonNode queue : client.get(path, USER, PASSWORD).json().path("queues")) {
            if (queue.path("id").asString().equals(queueId)) {
                return queue;
            }
        }
        return MissingNode.getInstance();
    }

    private static long waitCount(HttpClientSupport client, String path) {
        return client.get(path, USER, PASSWORD).json().path("office").path("waitTime").path("count").asLong();
    }

    private List<String> settings() throws IOException {
        List<String> settings = new ArrayList<>(List.of(
                "--okienko.embedded.port=0",
                "--okienko.kafka.partitions=2",
                "--okienko.pseudonymisation-key=it-restart-pseudonymisation-key",
                // The offices of the scripts, with a name only: ingestion refuses events for an office not in the directory.
                "--okienko.directory.file=" + AppProcess.directoryFile(instance.dataDir(), List.of("IT-RESTART", "IT-RESTART-BUSY"))));
        settings.addAll(AppProcess.admin(USER, PASSWORD));
        settings.addAll(AppProcess.anyOfficeKey(KEY));
        return settings;
    }
}
