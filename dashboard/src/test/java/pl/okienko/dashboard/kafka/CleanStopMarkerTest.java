package pl.okienko.dashboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanStopMarkerTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldCountAFirstStartWithoutTaskStateAsClean() throws Exception {
        // What the KafkaStreams constructor leaves before the first start: application directories, no tasks.
        Files.createDirectories(stateDir.resolve("okienko-queues"));
        Files.writeString(stateDir.resolve("okienko-instance-id"), "okienko-1");

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly()).isTrue();
    }

    @Test
    void shouldReportAnUncleanStopWhenARunWithTaskStateLeftNoMarker() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.stoppedCleanly();
        marker.running();
        Files.createDirectories(stateDir.resolve("okienko-queues").resolve("0_1"));

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly()).isFalse();
    }

    @Test
    void shouldReportACleanStopAfterTheMarkerIsWritten() throws Exception {
        CleanStopMarker marker = new CleanStopMarker(stateDir);
        marker.running();
        Files.createDirectories(stateDir.resolve("okienko-queues").resolve("0_1"));
        marker.stoppedCleanly();

        assertThat(new CleanStopMarker(stateDir).lastRunStoppedCleanly()).isTrue();
    }
}
