package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanStopMarkerTest {

    private static final String QUEUES = "okienko-queues";
    private static final String PHONE = "okienko-phone";

    @TempDir
    Path stateDir;

    @Test
    void shouldCountAFirstStartWithoutTaskStateAsClean() throws Exception {
        // What the KafkaStreams constructor leaves before the first start: the application's directory, no tasks.
        Files.createDirectories(stateDir.resolve(QUEUES));
        Files.writeString(stateDir.resolve(QUEUES).resolve("kafka-streams-process-metadata"), "{}");

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly(QUEUES)).isTrue();
    }

    @Test
    void shouldReportAnUncleanStopWhenARunWithTaskStateLeftNoMarker() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.stoppedCleanly(QUEUES);
        marker.running(QUEUES);
        Files.createDirectories(stateDir.resolve(QUEUES).resolve("0_1"));

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly(QUEUES)).isFalse();
    }

    @Test
    void shouldReportACleanStopAfterTheMarkerIsWritten() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.running(QUEUES);
        Files.createDirectories(stateDir.resolve(QUEUES).resolve("0_1"));
        marker.stoppedCleanly(QUEUES);

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly(QUEUES)).isTrue();
    }

    @Test
    void shouldJudgeEachApplicationByItsOwnMarker() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.running(QUEUES);
        marker.running(PHONE);
        Files.createDirectories(stateDir.resolve(QUEUES).resolve("0_0"));
        Files.createDirectories(stateDir.resolve(PHONE).resolve("0_0"));
        marker.stoppedCleanly(PHONE);  // the queues application did not close within its timeout

        assertThat(marker.lastRunStoppedCleanly(PHONE)).isTrue();
        assertThat(marker.lastRunStoppedCleanly(QUEUES)).isFalse();
    }
}
