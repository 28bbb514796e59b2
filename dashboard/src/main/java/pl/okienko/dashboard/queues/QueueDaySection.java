package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.QueueViews;

/**
 * The wait and service times of the day report (Q1): variable {@code queueDay} (office, departments,
 * queues), when any client was called or served that day.
 */
@Component
public class QueueDaySection implements DayReportSection {

    private final QueueViews views;

    public QueueDaySection(QueueViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables) {
        views.day(officeId, date).filter(QueueDaySection::hasData).ifPresent(day -> variables.put("queueDay", day));
    }

    static boolean hasData(OfficeDayView day) {
        return day.office().waitTime().count() > 0 || day.office().serviceTime().count() > 0;
    }
}
