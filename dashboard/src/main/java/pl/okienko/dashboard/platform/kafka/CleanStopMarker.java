package pl.okienko.dashboard.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, beside the Kafka Streams state directory, whether each application's last run stopped
 * cleanly: its marker file is removed when the application starts and written back only after it
 * closed. A run killed in between (kill -9, power loss, out of memory) leaves no marker, and so does
 * an application that did not close within its timeout; the others keep theirs.
 */
final class CleanStopMarker {

    private final Path stateDir;

    CleanStopMarker(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** True if the application's last run closed it, or if there never was a run (no local task state). */
    boolean lastRunStoppedCleanly(String applicationId) {
        return Files.exists(file(applicationId)) || !hasTaskState(applicationId);
    }

    /** Called before the application starts: from now on a kill leaves no marker. */
    void running(String applicationId) {
        try {
            Files.deleteIfExists(file(applicationId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(applicationId), e);
        }
    }

    /** Called after the application closed within its timeout. */
    void stoppedCleanly(String applicationId) {
        try {
            Files.createDirectories(stateDir);
            Files.writeString(file(applicationId), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(applicationId), e);
        }
    }

    private Path file(String applicationId) {
        return stateDir.resolve("okienko-stopped-cleanly-" + applicationId);
    }

    /** Task directories ({@code 0_1}, {@code global}); an instance that never ran has none yet. */
    private boolean hasTaskState(String applicationId) {
        Path directory = stateDir.resolve(applicationId);
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var entries = Files.list(directory)) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
