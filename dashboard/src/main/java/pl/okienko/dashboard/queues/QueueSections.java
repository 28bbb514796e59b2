package pl.okienko.dashboard.queues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.QueueViews;

/** The queues' part of the day report (Q1); the live panel's queues are the panel itself ({@link LivePanelRenderer}). */
@Configuration(proxyBeanMethods = false)
public class QueueSections {

    /**
     * The wait and service times of the day report (Q1): variable {@code queueDay} (office, departments,
     * queues), when any client was called or served that day.
     */
    @Bean
    DayReportSection queueDaySection(QueueViews views) {
        return DayReportSection.of("queueDay", (officeId, date, now) -> views.day(officeId, date), QueueSections::hasData);
    }

    static boolean hasData(OfficeDayView day) {
        return day.office().waitTime().count() > 0 || day.office().serviceTime().count() > 0;
    }
}
