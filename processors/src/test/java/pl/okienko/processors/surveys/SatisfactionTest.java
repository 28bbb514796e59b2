package pl.okienko.processors.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SatisfactionTest {

    @Test
    void shouldTakeTheScaleFromTheSchema() {
        assertThat(Satisfaction.SCALE_MIN).isEqualTo(1);
        assertThat(Satisfaction.SCALE_MAX).isEqualTo(5);
    }

    @Test
    void shouldComputeMeansAndTheIndexFromCountsAndSums() {
        Satisfaction s = Satisfaction.response(Map.of("q1", 5, "q2", 1)).plus(Satisfaction.response(Map.of("q1", 3)));

        assertThat(s.responses()).isEqualTo(2);
        assertThat(s.answers()).isEqualTo(3);
        assertThat(s.scoreSum()).isEqualTo(9);
        // (5-1 + 1-1 + 3-1) / (3 answers × 4) × 100 = 6/12 × 100
        assertThat(s.index()).hasValue(50.0);
        assertThat(s.mean()).hasValue(3.0);
        assertThat(s.questions().get("q1")).isEqualTo(new Satisfaction.QuestionTotals(2, 8));
        assertThat(s.questions().get("q1").mean()).hasValue(4.0);
        assertThat(s.questions().get("q1").index()).hasValue(75.0);
        assertThat(s.questions().get("q2").index()).hasValue(0.0);
    }

    @Test
    void shouldAddPeriodsByCountsNotByAveragingTheirIndexes() {
        Satisfaction monday = Satisfaction.response(Map.of("q1", 5)); // index 100 over 1 answer
        Satisfaction tuesday = Satisfaction.response(Map.of("q1", 1, "q2", 1, "q3", 2)); // (0+0+1)/12 × 100

        Satisfaction week = monday.plus(tuesday);

        // (4 + 0 + 0 + 1) / (4 × 4) × 100 = 31.25, not the mean of 100 and 8.33
        assertThat(tuesday.index().getAsDouble()).isCloseTo(100.0 / 12, within(1e-9));
        assertThat(week.index()).hasValue(31.25);
        assertThat(week.responses()).isEqualTo(2);
        assertThat(week.answers()).isEqualTo(4);
    }

    @Test
    void shouldHaveNoIndexWithoutAnswers() {
        assertThat(Satisfaction.NONE.index()).isEmpty();
        assertThat(Satisfaction.NONE.mean()).isEmpty();
        Satisfaction unanswered = Satisfaction.response(Map.of());
        assertThat(unanswered.responses()).isEqualTo(1);
        assertThat(unanswered.index()).isEmpty();
    }

    @Test
    void shouldRefuseAScoreOutsideTheScale() {
        assertThatThrownBy(() -> Satisfaction.response(Map.of("q1", 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score 0 of question q1 is outside 1…5");
        assertThatThrownBy(() -> Satisfaction.response(Map.of("q1", 6))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSurviveTheStoredState() {
        Satisfaction s = Satisfaction.response(Map.of("q1", 4, "q2", 2)).plus(Satisfaction.response(Map.of("q2", 5)));

        assertThat(Satisfaction.fromState(s.toState())).isEqualTo(s);
        assertThat(Satisfaction.fromState(null)).isEqualTo(Satisfaction.NONE);
    }
}
