package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitSatisfactionTest {

    private static WaitSatisfaction of(double[] waits, double[] indexes) {
        List<WaitSatisfaction.Week> weeks = new ArrayList<>();
        for (int i = 0; i < waits.length; i++) {
            weeks.add(new WaitSatisfaction.Week("2026-W" + (10 + i), waits[i], indexes[i]));
        }
        return WaitSatisfaction.of("UM-JED", "Urząd", "WSO", "Wydział", weeks);
    }

    @Test
    void shouldGiveMinusOneWhenSatisfactionFallsEveryTimeTheWaitGrows() {
        WaitSatisfaction result = of(new double[] {60, 120, 180, 240, 300, 360, 420, 480},
                new double[] {95, 90, 80, 75, 70, 50, 40, 10});

        assertThat(result.weeks()).isEqualTo(8);
        assertThat(result.rho()).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void shouldRankTheWeeksAndAverageTiedRanks() {
        // waits ranked 1..8; indexes 50, 70, 60, 60, 90, 80, 100, 40 ranked 2, 5, 3.5, 3.5, 7, 6, 8, 1
        // Pearson's r of the ranks: Σ(x−4.5)(y−4.5) = 9.5, Σ(x−4.5)² = 42, Σ(y−4.5)² = 41.5
        WaitSatisfaction result = of(new double[] {10, 20, 30, 40, 50, 60, 70, 80},
                new double[] {50, 70, 60, 60, 90, 80, 100, 40});

        assertThat(result.rho()).isCloseTo(9.5 / Math.sqrt(42 * 41.5), within(1e-12));
    }

    @Test
    void shouldGiveNoCoefficientUnderEightWeeksButCountThem() {
        WaitSatisfaction result = of(new double[] {60, 120, 180, 240, 300, 360, 420},
                new double[] {95, 90, 80, 75, 70, 50, 40});

        assertThat(result.weeks()).isEqualTo(7);
        assertThat(result.rho()).isNull();
    }

    @Test
    void shouldGiveNoCoefficientWhenSatisfactionNeverVaries() {
        WaitSatisfaction result = of(new double[] {60, 120, 180, 240, 300, 360, 420, 480},
                new double[] {75, 75, 75, 75, 75, 75, 75, 75});

        assertThat(result.weeks()).isEqualTo(8);
        assertThat(result.rho()).isNull();
    }
}
