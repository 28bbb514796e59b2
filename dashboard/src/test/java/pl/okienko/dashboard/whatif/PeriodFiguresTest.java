package pl.okienko.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.PhoneStats;

class PeriodFiguresTest {

    @Test
    void shouldAddTheDaysCountsAndTakeRatesFromTheSums() {
        // day 1: 10 offered, 9 within; day 2: 30 offered, 15 within. Mean of the days' levels: (0.9 + 0.5) / 2 = 0.7
        PeriodFigures period = PeriodFigures.NONE
                .plus(day(10, 9, 1, 0), callbacks(4, 3, 1, 0))
                .plus(day(30, 15, 10, 5), callbacks(2, 0, 1, 1));

        // callbacks: 4 + 2 due, 3 + 0 on time, 1 + 1 late, 0 + 1 unmet past due; kept on time 3 of the 6 decided
        assertThat(period).isEqualTo(new PeriodFigures(40, 24, 11, 5, 24.0 / 40, 6, 3, 2, 1, 3.0 / 6));
    }

    @Test
    void aPeriodWithNoCallsHasNoRates() {
        PeriodFigures period = PeriodFigures.NONE.plus(day(0, 0, 0, 0), callbacks(0, 0, 0, 0));

        assertThat(period.serviceLevel()).isNull();
        assertThat(period.callbacksKeptOnTimeRate()).isNull();
    }

    private static PhoneStats day(long offered, long within, long later, long unanswered) {
        return new PhoneStats("X", "X", null, offered, within, later, unanswered, unanswered, 0, 0, null, null, null,
                null, null, 0, 0, 0);
    }

    private static CallbackSummary callbacks(long due, long onTime, long late, long unmet) {
        return new CallbackSummary(0, 0, 0, due, onTime, late, unmet, null, 0, 0);
    }
}
