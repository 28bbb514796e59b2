package pl.okienko.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every replay test checks of its topology: a past day replayed gives the same alert history, ids and
 * instants included, at every {@link ReplayPace}, since the rules judge by the office's event time, not by when a
 * wall-clock punctuation happens to run. A subclass scripts the day and says what its rules make of it.
 */
public abstract class ReplayAlertsTest {

    @TempDir
    protected Path stateDir;

    /** What the rules say of the scripted day, by its event times alone. */
    protected abstract List<ReplayedAlert> expected();

    /** The scripted day replayed at {@code pace} ({@link ReplayPace#replay}), with state under {@link #stateDir}. */
    protected abstract List<ReplayedAlert> replay(ReplayPace pace);

    @ParameterizedTest(name = "{0}")
    @MethodSource("pl.okienko.processors.ReplayPace#paces")
    void shouldGiveTheSameAlertsOfAPastDayWhateverTheWallClockDoesBetweenRecords(ReplayPace pace) {
        assertThat(replay(pace)).isEqualTo(expected());
    }
}
