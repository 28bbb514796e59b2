package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.period.Period;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.surveys.Satisfaction;

class ComparisonTallyTest {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    private static PhoneStats calls(long offered, long within, long abandoned) {
        return new PhoneStats("X", "X", null, offered, within, offered - within - abandoned, abandoned, abandoned, 0,
                0, null, null, null, null, null, 0, 0, 0);
    }

    @Test
    void shouldTakeTheTotalsRatesAndPercentilesFromTheMergedOfficesNotTheirRows() {
        ComparisonTally small = new ComparisonTally();
        small.phone(calls(2, 2, 0));
        small.waits.add(600_000);
        small.s1 = Satisfaction.response(Map.of("q1", 5));
        ComparisonTally large = new ComparisonTally();
        large.phone(calls(8, 2, 4));
        for (int i = 0; i < 9; i++) {
            large.waits.add(60_000);
        }
        large.s1 = Satisfaction.response(Map.of("q1", 1));

        ComparisonRow total = new ComparisonTally().merge(small).merge(large).row("TOTAL", "Total", "all", MARCH);

        // T1: 4 within target of 10 offered, not (1 + 0.25) / 2; T2: 4 abandoned of 10
        assertThat(total.t1WithinTargetRate()).isEqualTo(0.4);
        assertThat(total.t2AbandonedRate()).isEqualTo(0.4);
        // Q1: ten waits, nine of 60 s and one of 600 s: the mean 114 s, the p90 (9th smallest) 60 s
        assertThat(total.q1Waits()).isEqualTo(10);
        assertThat(total.q1WaitMeanSeconds()).isEqualTo(114.0);
        assertThat(total.q1WaitP90Seconds()).isCloseTo(60.0, withinPercentage(1));
        // S1: one score 5 and one score 1: index of the mean (5 + 1) / 2 = 3 on 1..5, that is 50
        assertThat(total.s1Responses()).isEqualTo(2);
        assertThat(total.s1Index()).isEqualTo(50.0);
        assertThat(total.p1FulfilmentRate()).isNull();
    }
}
