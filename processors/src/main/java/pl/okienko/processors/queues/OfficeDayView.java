package pl.okienko.processors.queues;

import java.time.LocalDate;
import java.util.List;

/** A past (or current) day's queue statistics of one office, by the office's local date (Q1). */
public record OfficeDayView(
        String officeId,
        String officeName,
        String timeZone,
        LocalDate date,
        QueueDayStats office,
        List<QueueDayStats> departments,
        List<QueueDayStats> queues) {
}
