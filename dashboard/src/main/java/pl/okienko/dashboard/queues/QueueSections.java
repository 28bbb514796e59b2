package pl.okienko.dashboard.queues;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.queues.DeskView;
import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.OfficeDesksView;
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
     * The desks part of an office's live panel (issue 14, Q1, Q5): variable {@code desks}, each desk serving,
     * calling, paused, idle or closed with its ticket and since when, and {@code desksFigures}, how many serve,
     * are paused and are idle; for an office with desks listed or open.
     */
    @Bean
    LivePanelSection desksPanelSection(QueueViews views) {
        return LivePanelSection.of("desks", views::desks, view -> !view.desks().isEmpty(), view -> List.of(
                KeyFigure.count("desks.serving", "desks-serving", count(view, DeskView.State.SERVING)),
                KeyFigure.count("desks.paused", "desks-paused", count(view, DeskView.State.PAUSED)),
                KeyFigure.count("desks.idle", "desks-idle", count(view, DeskView.State.IDLE))));
    }

    private static long count(OfficeDesksView view, DeskView.State state) {
        return view.desks().stream().filter(desk -> desk.state() == state).count();
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
