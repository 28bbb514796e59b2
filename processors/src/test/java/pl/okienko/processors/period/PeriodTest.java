package pl.okienko.processors.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shouldRefuseAnEndBeforeTheStartAndMoreThanAYear() {
        assertThatThrownBy(() -> new Period(d("2026-03-02"), d("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("to 2026-03-01 is before from 2026-03-02");
        // 2028 is a leap year: its 366 days are a period, one more day is not
        assertThat(new Period(d("2028-01-01"), d("2028-12-31")).days()).isEqualTo(366);
        assertThatThrownBy(() -> new Period(d("2028-01-01"), d("2029-01-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a period holds at most 366 days; 2028-01-01 to 2029-01-01 holds 367");
    }

    @Test
    void shouldCutIntoIsoWeeksClippedToThePeriodAcrossTheYearsEnd() {
        // 2026-12-20 is a Sunday; 2026 has 53 ISO weeks, and 2027-01-01 (a Friday) still belongs to 2026-W53
        Period period = new Period(d("2026-12-20"), d("2027-01-05"));

        List<Period> weeks = period.buckets(Granularity.WEEK);

        assertThat(weeks).containsExactly(new Period(d("2026-12-20"), d("2026-12-20")),
                new Period(d("2026-12-21"), d("2026-12-27")), new Period(d("2026-12-28"), d("2027-01-03")),
                new Period(d("2027-01-04"), d("2027-01-05")));
        assertThat(weeks.stream().map(w -> Granularity.WEEK.label(w.from())))
                .containsExactly("2026-W51", "2026-W52", "2026-W53", "2027-W01");
    }

    @Test
    void shouldCutIntoMonthsAndDays() {
        Period period = new Period(d("2028-01-15"), d("2028-03-10"));

        assertThat(period.buckets(Granularity.MONTH)).containsExactly(new Period(d("2028-01-15"), d("2028-01-31")),
                new Period(d("2028-02-01"), d("2028-02-29")), new Period(d("2028-03-01"), d("2028-03-10")));
        assertThat(Granularity.MONTH.label(d("2028-02-01"))).isEqualTo("2028-02");
        assertThat(period.buckets(Granularity.DAY)).hasSize(17 + 29 + 10)
                .allSatisfy(day -> assertThat(day.days()).isEqualTo(1));
    }

    @Test
    void shouldParseGranularityInAnyCaseAndNameTheChoicesWhenWrong() {
        assertThat(Granularity.parse("Week")).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.MONTH).hasToString("month");
        assertThatThrownBy(() -> Granularity.parse("year"))
                .hasMessage("granularity must be day, week or month, was 'year'");
    }

    @Test
    void shouldGiveTheTotalAndOneRowPerBucketFromTheFiguresOfEachPart() {
        Period period = new Period(d("2026-03-30"), d("2026-04-02"));

        PeriodView<Integer> view = PeriodView.of(period, Granularity.MONTH,
                part -> java.util.Optional.of(part.days())).orElseThrow();

        assertThat(view.total()).isEqualTo(4);
        assertThat(view.granularity()).isEqualTo("month");
        assertThat(view.rows()).containsExactly(
                new PeriodView.Row<>("2026-03", d("2026-03-30"), d("2026-03-31"), 2),
                new PeriodView.Row<>("2026-04", d("2026-04-01"), d("2026-04-02"), 2));
        assertThat(PeriodView.of(period, null, part -> java.util.Optional.of(1)).orElseThrow().rows()).isEmpty();
    }
}
