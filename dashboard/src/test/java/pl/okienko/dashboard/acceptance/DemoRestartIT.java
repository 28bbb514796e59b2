package pl.okienko.dashboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pl.okienko.dashboard.demo.DemoMode;
import pl.okienko.directory.Office;
import pl.okienko.simulator.DemoTraffic;
import pl.okienko.simulator.SampleOffices;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance of issue 14's restartable demo: a demo started, stopped and started again on the same data
 * directory continues the day it left, so no queue shows a wait longer than the simulator ever produces.
 */
class DemoRestartIT {

    private static final String USER = "it-admin";
    private static final String PASSWORD = "it-admin-password";
    private static final List<Office> OFFICES = SampleOffices.all();

    @RegisterExtension
    final InstancePerTest instance = new InstancePerTest();

    private AppProcess app;

    @Test
    void shouldContinueTheDayAfterARestartSoThatNoWaitExceedsTheSimulatorsLongest() throws Exception {
        Duration longest = DemoTraffic.longestWait(OFFICES, 2);
        String office = OFFICES.get(0).getOfficeId();
        Path progressFile = instance.dataDir().resolve(DemoMode.PROGRESS_FILE);
        app = instance.create(settings());

        app.start().awaitHealthy(USER, PASSWORD);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> assertThat(waitingNow(office)).isPositive());
        app.stop();
        Properties stopped = load(progressFile);
        int publishedBefore = Integer.parseInt(stopped.getProperty(office + ".published"));
        assertThat(publishedBefore).isPositive();

        app.start().awaitHealthy(USER, PASSWORD);
        // the same day goes on where it stopped instead of a new one starting on top of it
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            Properties resumed = load(progressFile);
            assertThat(resumed.getProperty(office + ".day")).isEqualTo(stopped.getProperty(office + ".day"));
            assertThat(resumed.getProperty(office + ".start")).isEqualTo(stopped.getProperty(office + ".start"));
            assertThat(Integer.parseInt(resumed.getProperty(office + ".published"))).isGreaterThan(publishedBefore);
        });
        for (int look = 0; look < 10; look++) {
            for (Office each : OFFICES) {
                assertThat(queues(each.getOfficeId())).allSatisfy(queue -> assertThat(queue.path("longestWaitSeconds")
                        .asLong()).as("longest wait in %s", queue.path("id").asString())
                        .isLessThanOrEqualTo(longest.toSeconds()));
            }
            Thread.sleep(2_000);
        }
    }

    private int waitingNow(String officeId) {
        return queues(officeId).stream().mapToInt(queue -> queue.path("waitingNow").asInt()).sum();
    }

    private List<JsonNode> queues(String officeId) {
        List<JsonNode> queues = new ArrayList<>();
        app.client().get("/api/v1/offices/" + officeId + "/queues", USER, PASSWORD).json().path("queues")
                .forEach(queues::add);
        return queues;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> settings() {
        List<String> settings = new ArrayList<>(List.of(
                "--okienko.embedded.port=0",
                "--okienko.kafka.partitions=2",
                "--okienko.demo.enabled=true",
                "--okienko.pseudonymisation-key=it-demo-restart-pseudonymisation-key"));
        settings.addAll(AppProcess.admin(USER, PASSWORD));
        return settings;
    }
}
