package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

        assertThat(atNextStart(QUEUES)).isTrue();
    }

    @Test
    void shouldReportAnUncleanStopWhenARunWithTaskStateLeftNoMarker() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.stoppedCleanly(QUEUES);
        marker.running(QUEUES);
        leaveTaskState(QUEUES, "0_1");

        assertThat(atNextStart(QUEUES)).isFalse();
    }

    @Test
    void shouldReportACleanStopAfterTheMarkerIsWritten() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.running(QUEUES);
        leaveTaskState(QUEUES, "0_1");
        marker.stoppedCleanly(QUEUES);

        assertThat(atNextStart(QUEUES)).isTrue();
    }

    @Test
    void shouldJudgeEachApplicationByItsOwnMarker() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.running(QUEUES);
        marker.running(PHONE);
        leaveTaskState(QUEUES, "0_0");
        leaveTaskState(PHONE, "0_0");
        marker.stoppedCleanly(PHONE);  // the queues application did not close within its timeout

        assertThat(marker.lastRunStoppedCleanly(PHONE)).isTrue();
        assertThat(marker.lastRunStoppedCleanly(QUEUES)).isFalse();
    }

    /** A task's state directory, as a run that processed records leaves it. */
    private void leaveTaskState(String application, String task) throws IOException {
        Files.createDirectories(stateDir.resolve(application).resolve(task));
    }

    /** Whether the next start, reading the markers afresh, counts the last run of {@code application} as a clean stop. */
    private boolean atNextStart(String application) {
        return new CleanStopMarker(stateDir).lastRunStoppedCleanly(application);
    }
}
