package pl.okienko.dashboard.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.QueueHourView;

/**
 * The series of an office's day charts, one value per hour of {@code hours} (office-local, {@code 9} = 09:00–09:59):
 * clients waiting and the longest wait, arrivals and services (Q1), the phone's service level and missed calls
 * (T1, T2), and priority waits (P1). An hour without queue figures has nulls in the queue and priority series; an
 * hour without calls has 0 calls and a null service level.
 */
public record DayCharts(String officeId, LocalDate date, List<Integer> hours, Queues queues, Phone phone,
        Priority priority) {

    /**
     * @param waitingPeak the most clients waiting at once
     * @param longestWaitSeconds the longest any client had waited during the hour
     */
    public record Queues(List<Long> arrivals, List<Long> served, List<Long> waitingPeak,
            List<Long> longestWaitSeconds) {
    }

    /**
     * @param serviceLevel answered within the target ÷ offered (T1), null without calls
     * @param missed unanswered calls (T2)
     */
    public record Phone(List<Long> offered, List<Double> serviceLevel, List<Long> missed) {
    }

    /** Priority clients called in the hour, and the longest and mean of their waits (null when none). */
    public record Priority(List<Long> called, List<Long> longestWaitSeconds, List<Double> meanWaitSeconds) {
    }

    /**
     * The hours from the first with queue figures or calls to the last of either.
     *
     * @param phoneHours the phone's hours with calls, {@link PhoneStats#id()} the two-digit hour
     */
    public static DayCharts of(String officeId, LocalDate date, List<QueueHourView> queueHours,
            List<PhoneStats> phoneHours) {
        Map<Integer, QueueHourView> queues = queueHours.stream()
                .collect(Collectors.toMap(QueueHourView::hour, Function.identity()));
        Map<Integer, PhoneStats> phone = phoneHours.stream()
                .collect(Collectors.toMap(h -> Integer.parseInt(h.id()), Function.identity()));
        List<Integer> hours = new ArrayList<>();
        List<Integer> all = new ArrayList<>(queues.keySet());
        all.addAll(phone.keySet());
        if (!all.isEmpty()) {
            int first = all.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int last = all.stream().mapToInt(Integer::intValue).max().orElseThrow();
            for (int hour = first; hour <= last; hour++) {
                hours.add(hour);
            }
        }
        return new DayCharts(officeId, date, hours,
                new Queues(series(hours, queues, QueueHourView::arrivals), series(hours, queues, QueueHourView::served),
                        series(hours, queues, h -> (long) h.waitingPeak()),
                        series(hours, queues, QueueHourView::longestWaitSeconds)),
                new Phone(hours.stream().map(h -> phone.containsKey(h) ? phone.get(h).offered() : 0L).toList(),
                        series(hours, phone, PhoneStats::serviceLevel),
                        hours.stream().map(h -> phone.containsKey(h) ? phone.get(h).unanswered() : 0L).toList()),
                new Priority(series(hours, queues, QueueHourView::priorityCalled),
                        series(hours, queues, QueueHourView::priorityLongestWaitSeconds),
                        series(hours, queues, QueueHourView::priorityMeanWaitSeconds)));
    }

    /** One value per hour, null where the hour has no figures. */
    private static <H, T> List<T> series(List<Integer> hours, Map<Integer, H> byHour, Function<H, T> value) {
        List<T> values = new ArrayList<>();
        for (Integer hour : hours) {
            H figures = byHour.get(hour);
            values.add(figures == null ? null : value.apply(figures));
        }
        return values;
    }
}
