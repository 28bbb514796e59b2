package pl.okienko.dashboard.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.phone.PhoneViews;

/**
 * One office's telephone figures of a period (T1, T3, T4), the days' exact counts added up: what a what-if replay
 * computed, or what the live application holds for the same days, shown side by side. Rates are computed from the
 * summed counts, never averaged over days.
 *
 * @param serviceLevel answeredWithinTarget ÷ offered (T1); null when nothing was offered
 * @param callbacksDue callback obligations due within the period (T3, T4)
 * @param callbacksKeptOnTimeRate metOnTime ÷ (metOnTime + metLate + unmetPastDue); null when none is decided
 */
public record PeriodFigures(long offered, long answeredWithinTarget, long answeredLater, long unanswered,
        Double serviceLevel, long callbacksDue, long callbacksMetOnTime, long callbacksMetLate,
        long callbacksUnmetPastDue, Double callbacksKeptOnTimeRate) {

    public static final PeriodFigures NONE = new PeriodFigures(0, 0, 0, 0, null, 0, 0, 0, 0, null);

    /** The figures of the office-local days {@code from} to {@code to}, both included, as {@code views} hold them. */
    public static PeriodFigures of(PhoneViews views, String officeId, LocalDate from, LocalDate to, Instant now) {
        PeriodFigures sum = NONE;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Optional<OfficePhoneView> view = views.day(officeId, day, now);
            if (view.isPresent()) {
                sum = sum.plus(view.get().office(), view.get().callbacks());
            }
        }
        return sum;
    }

    /** These figures with one day's added. */
    PeriodFigures plus(PhoneStats day, CallbackSummary callbacks) {
        long offeredSum = offered + day.offered();
        long within = answeredWithinTarget + day.answeredWithinTarget();
        long onTime = callbacksMetOnTime + callbacks.metOnTime();
        long late = callbacksMetLate + callbacks.metLate();
        long unmet = callbacksUnmetPastDue + callbacks.unmetPastDue();
        return new PeriodFigures(offeredSum, within, answeredLater + day.answeredLater(),
                unanswered + day.unanswered(), rate(within, offeredSum), callbacksDue + callbacks.dueThatDay(), onTime,
                late, unmet, rate(onTime, onTime + late + unmet));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
