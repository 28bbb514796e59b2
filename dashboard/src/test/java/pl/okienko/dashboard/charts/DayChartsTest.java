package pl.okienko.dashboard.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.QueueHourView;

class DayChartsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static PhoneStats calls(String hour, long offered, long within, long unanswered) {
        return new PhoneStats(hour, hour + ":00", null, offered, within, offered - within - unanswered, unanswered,
                unanswered, 0, 0, (double) within / offered, (double) unanswered / offered, null, null, null, 0, 0, 0);
    }

    @Test
    void shouldSpanTheHoursOfQueuesAndCallsWithGapsWhereAConcernHasNoFigures() {
        List<QueueHourView> queues = List.of(new QueueHourView(9, 4, 3, 2, 600, 1, 300L, 300.0),
                new QueueHourView(10, 1, 2, 1, 120, 0, null, null));
        List<PhoneStats> phone = List.of(calls("08", 2, 1, 1), calls("10", 4, 3, 0));

        DayCharts charts = DayCharts.of("UM", DAY, queues, phone);

        assertThat(charts.hours()).containsExactly(8, 9, 10);
        assertThat(charts.queues().arrivals()).containsExactly(null, 4L, 1L);
        assertThat(charts.queues().served()).containsExactly(null, 3L, 2L);
        assertThat(charts.queues().waitingPeak()).containsExactly(null, 2L, 1L);
        assertThat(charts.queues().longestWaitSeconds()).containsExactly(null, 600L, 120L);
        assertThat(charts.phone().offered()).containsExactly(2L, 0L, 4L);
        assertThat(charts.phone().serviceLevel()).containsExactly(0.5, null, 0.75);
        assertThat(charts.phone().missed()).containsExactly(1L, 0L, 0L);
        assertThat(charts.priority().called()).containsExactly(null, 1L, 0L);
        assertThat(charts.priority().longestWaitSeconds()).isEqualTo(Arrays.asList(null, 300L, null));
        assertThat(charts.priority().meanWaitSeconds()).isEqualTo(Arrays.asList(null, 300.0, null));
    }

    @Test
    void shouldHaveNoHoursForADayWithoutFigures() {
        DayCharts charts = DayCharts.of("UM", DAY, List.of(), List.of());

        assertThat(charts.hours()).isEmpty();
        assertThat(charts.queues().arrivals()).isEmpty();
        assertThat(charts.phone().serviceLevel()).isEmpty();
    }
}
