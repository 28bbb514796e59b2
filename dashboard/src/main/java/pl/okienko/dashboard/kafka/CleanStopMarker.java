package pl.okienko.dashboard.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, beside the Kafka Streams state directory, whether the last run stopped cleanly: the
 * marker file is removed when the applications start and written back only after all of them
 * closed. A run killed in between (kill -9, power loss, out of memory) leaves no marker.
 */
final class CleanStopMarker {

    private final Path stateDir;
    private final Path file;

    CleanStopMarker(Path stateDir) {
        this.stateDir = stateDir;
        this.file = stateDir.resolve("okienko-stopped-cleanly");
    }

    /** True if the last run closed every application, or if there never was a run (no local state). */
    boolean lastRunStoppedCleanly() {
        return Files.exists(file) || !hasLocalState();
    }

    /** Called before the applications start: from now on a kill leaves no marker. */
    void running() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    /** Called after every application closed within its timeout. */
    void stoppedCleanly() {
        try {
            Files.createDirectories(stateDir);
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Task directories ({@code <application>/0_1}, {@code <application>/global}); a created instance has none yet. */
    private boolean hasLocalState() {
        if (!Files.isDirectory(stateDir)) {
            return false;
        }
        try (var applications = Files.list(stateDir)) {
            return applications.filter(Files::isDirectory).anyMatch(CleanStopMarker::hasSubdirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stateDir, e);
        }
    }

    private static boolean hasSubdirectory(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
