package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.queues.state.QueueHourState;

class QueueHoursTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    /** 09:00 in Warsaw on {@link #DAY}. */
    private static final Instant NINE = Instant.parse("2026-11-20T08:00:00Z");

    private static Instant local(int hour, int minute) {
        return NINE.plusSeconds((hour - 9) * 3600L + minute * 60L);
    }

    @Test
    void shouldHaveNoHoursForADayWithoutFigures() {
        assertThat(QueueHours.series(new TreeMap<>(), DAY, WARSAW, local(12, 0))).isEmpty();
    }

    @Test
    void shouldCarryTheClientsStillWaitingThroughHoursWithoutChangeToNow() {
        SortedMap<Integer, QueueHourState> byHour = new TreeMap<>();
        byHour.put(9, QueueHourState.newBuilder().setArrivals(4).setServed(1).setLinesChanged(true).setPeakWaiting(3)
                .setWaitingAtEnd(2).setOldestWaitingSince(local(9, 40).toEpochMilli())
                .setLongestWaitEndedMillis(600_000).build());
        // a service ended, no line changed
        byHour.put(11, QueueHourState.newBuilder().setServed(1).build());

        assertThat(QueueHours.series(byHour, DAY, WARSAW, local(12, 15))).containsExactly(
                // the oldest, since 09:40, waited 20 min by 10:00
                new QueueHourView(9, 4, 1, 3, 1200, 0, null, null),
                new QueueHourView(10, 0, 0, 2, 4800, 0, null, null),
                new QueueHourView(11, 0, 1, 2, 8400, 0, null, null),
                // the current hour, measured at now
                new QueueHourView(12, 0, 0, 2, 9300, 0, null, null));
    }

    @Test
    void shouldCountTheClientsWaitingWhenTheHourBeganInItsPeakAndEndAPastDayAtItsLastFigures() {
        SortedMap<Integer, QueueHourState> byHour = new TreeMap<>();
        byHour.put(9, QueueHourState.newBuilder().setLinesChanged(true).setPeakWaiting(1).setWaitingAtEnd(5)
                .setOldestWaitingSince(local(9, 50).toEpochMilli()).build());
        byHour.put(10, QueueHourState.newBuilder().setLinesChanged(true).setPeakWaiting(4).setWaitingAtEnd(0)
                .setLongestWaitEndedMillis(1_500_000).setPriorityServed(2).setPriorityWaitSumMillis(700_000)
                .setPriorityWaitMaxMillis(400_000).build());

        assertThat(QueueHours.series(byHour, DAY, WARSAW, local(9, 0).plusSeconds(86_400 * 3))).containsExactly(
                new QueueHourView(9, 0, 0, 1, 600, 0, null, null),
                new QueueHourView(10, 0, 0, 5, 1500, 2, 400L, 350.0));
    }
}
