package pl.okienko.dashboard.queues;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.OverviewSection;
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

    /**
     * The queues' row of the region overview (Q1, Q2): waiting now, amber while clients wait in a queue no
     * desk serves, and the longest wait to the minute; no data for an office without queues.
     */
    @Bean
    OverviewSection queuesOverview(QueueViews views) {
        Display display = new Display();
        return OverviewSection.of(Concern.QUEUES, views::live, view -> !view.queues().isEmpty(), view -> List.of(
                KeyFigure.count("overview.figure.waiting", null, view.office().waitingNow())
                        .warningWhen(view.queues().stream().anyMatch(q -> Display.ATTENTION.equals(display.status(q)))),
                KeyFigure.of("overview.figure.longest", null, display.minutes(view.office().longestWaitSeconds()))));
    }
}
