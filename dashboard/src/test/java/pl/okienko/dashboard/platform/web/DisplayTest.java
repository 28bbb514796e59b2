package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.WindowedStats;
import pl.okienko.processors.stats.DurationStats;

class DisplayTest {

    private final Display display = new Display();

    @Test
    void showsRunningWaitsAsAClock() {
        assertThat(display.clock(0)).isEqualTo("0:00");
        assertThat(display.clock(330)).isEqualTo("5:30");
        assertThat(display.clock(3729)).isEqualTo("1:02:09");
        assertThat(display.clock(Long.valueOf(1200))).isEqualTo("20:00");
        assertThat(display.clock((Long) null)).isEqualTo(Display.NONE);
        // 352:05:36 overflowed its tile: from a day on, days and hours
        assertThat(display.clock(352 * 3600 + 5 * 60 + 36)).isEqualTo("14 d 16 h");
        assertThat(display.clock(86_399)).isEqualTo("23:59:59");
        assertThat(display.clock(86_400)).isEqualTo("1 d 00 h");
    }

    @Test
    void showsRatesAsWholePercentagesOrTheDashWithNothingToDivideBy() {
        assertThat(display.percent(0.75)).isEqualTo("75%");
        assertThat(display.percent(0.125)).isEqualTo("12%");
        assertThat(display.percent(0.135)).isEqualTo("14%");
        assertThat(display.percent(1.0)).isEqualTo("100%");
        assertThat(display.percent(0.0)).isEqualTo("0%");
        assertThat(display.percent(null)).isEqualTo(Display.NONE);
    }

    @Test
    void showsStatisticsAsAPersonReadsThem() {
        assertThat(display.duration(null)).isEqualTo("—");
        assertThat(display.duration(44.6)).isEqualTo("45 s");
        assertThat(display.duration(330.0)).isEqualTo("5:30 min");
        assertThat(display.duration(3900.0)).isEqualTo("1 h 05 min");
    }

    @Test
    void showsTheOfficeLocalTime() {
        assertThat(display.time(Instant.parse("2026-11-21T08:14:59Z"), "Europe/Warsaw")).isEqualTo("09:14");
        assertThat(display.time(null, "Europe/Warsaw")).isEqualTo(Display.NONE);
    }

    @Test
    void showsTheOfficeLocalDateAndTimeOfAnInstant() {
        assertThat(display.dateTime(Instant.parse("2026-11-24T14:53:07Z"), "Europe/Warsaw")).isEqualTo("24.11 15:53");
        assertThat(display.dateTime(null, "Europe/Warsaw")).isEqualTo(Display.NONE);
    }

    @Test
    void statusFollowsTheRules() {
        AlertView alert = new AlertView("x", "QUEUE_EXCESSIVE", "Q2", "RAISED", "O", "queue", "A",
                Instant.EPOCH, Instant.EPOCH, "m", java.util.Map.of(), null);
        assertThat(display.status(queue(20, 2, List.of(alert)))).isEqualTo(Display.ALERT);
        assertThat(display.status(queue(3, 0, List.of()))).isEqualTo(Display.ATTENTION);
        assertThat(display.status(queue(3, 1, List.of()))).isEqualTo(Display.OK);
        assertThat(display.status(queue(0, 0, List.of()))).isEqualTo(Display.OK);
    }

    private static QueueLiveView queue(int waiting, int desks, List<AlertView> alerts) {
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        return new QueueLiveView("A", "A", "D", waiting, 0, desks, 0, none, none, alerts);
    }

    @Test
    void shouldShowAWaitToTheMinuteForTheOverview() {
        assertThat(display.minutes(59)).isEqualTo("< 1 min");
        assertThat(display.minutes(60)).isEqualTo("1 min");
        assertThat(display.minutes(14 * 60 + 59)).isEqualTo("14 min");
        assertThat(display.minutes(2 * 3600 + 5 * 60 + 30)).isEqualTo("2 h 05 min");
        assertThat(display.minutes(3 * 86_400 + 4 * 3600 + 59 * 60)).isEqualTo("3 d 04 h");
    }
}
