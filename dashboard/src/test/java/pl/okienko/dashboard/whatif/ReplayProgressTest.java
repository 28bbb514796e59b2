package pl.okienko.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final Map<String, Long> START = Map.of("okienko.events.phone-0", 100L, "okienko.events.phone-1", 40L);
    private static final Map<String, Long> END = Map.of("okienko.events.phone-0", 300L, "okienko.events.phone-1", 240L);

    @Test
    void shouldSumWhatEachPartitionHasReadOfItsPeriod() {
        // partition 0: 150 of 200 read; partition 1: nothing committed yet, 0 of 200
        ReplayProgress progress = ReplayProgress.of(START, END, Map.of("okienko.events.phone-0", 250L),
                Duration.ofSeconds(30));

        assertThat(progress.read()).isEqualTo(150);
        assertThat(progress.total()).isEqualTo(400);
        assertThat(progress.percent()).isEqualTo(37);
        // 150 records in 30 s: the other 250 at the same pace take 50 s
        assertThat(progress.timeLeft()).isEqualTo(Duration.ofSeconds(50));
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void shouldCountNoMoreThanTheEndTakenAtTheStart() {
        // records written after the start move the committed offsets past the end: they are not the job's
        ReplayProgress progress = ReplayProgress.of(START, END,
                Map.of("okienko.events.phone-0", 350L, "okienko.events.phone-1", 240L), Duration.ofSeconds(10));

        assertThat(progress.read()).isEqualTo(400);
        assertThat(progress.complete()).isTrue();
        assertThat(progress.timeLeft()).isEqualTo(Duration.ZERO);
        assertThat(progress.percent()).isEqualTo(100);
    }

    @Test
    void shouldNotGuessTheTimeLeftBeforeAnythingIsRead() {
        ReplayProgress progress = ReplayProgress.of(START, END, Map.of(), Duration.ofSeconds(5));

        assertThat(progress.read()).isZero();
        assertThat(progress.timeLeft()).isNull();
    }

    @Test
    void aPeriodWithNothingToReadIsComplete() {
        ReplayProgress progress = ReplayProgress.of(Map.of("t-0", 7L), Map.of("t-0", 7L), Map.of(), Duration.ZERO);

        assertThat(progress.complete()).isTrue();
        assertThat(progress.percent()).isEqualTo(100);
    }
}
