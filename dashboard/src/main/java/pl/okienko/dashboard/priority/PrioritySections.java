package pl.okienko.dashboard.priority;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.processors.queues.ServiceDayView;

/** The priority parts of the office pages (P1, P2, Q3, Q4, Q5), read from the queue views. */
@Configuration(proxyBeanMethods = false)
public class PrioritySections {

    /**
     * The priority part of an office's live panel (P1, with today's Q3, Q4, Q5 figures): variable
     * {@code priority}, the priority clients waiting now, with their wait and bypasses, and today's fulfilment;
     * {@code priorityFigures}, its {@link #keyFigures key figures}.
     */
    @Bean
    LivePanelSection priorityPanelSection(QueueViews views) {
        return LivePanelSection.of("priority", views::priority, view -> true, PrioritySections::keyFigures);
    }

    /**
     * Today's key figures of priority service and order: the fulfilment rate and bypasses (P1),
     * out-of-order calls (Q3), services resolved (Q4) and the share of announced pauses that overran (Q5).
     */
    public static List<KeyFigure> keyFigures(OfficePriorityView priority) {
        ServiceDayView today = priority.office();
        return List.of(
                KeyFigure.percent("priority.fulfilment", "priority-fulfilment", today.priority().fulfilmentRate()),
                KeyFigure.count("priority.bypassesToday", "priority-bypasses-today", today.priority().bypasses()),
                KeyFigure.count("priority.outOfOrder", null, today.callOrder().outOfOrderCalls()),
                KeyFigure.percent("priority.resolved", null, today.outcomes().resolvedRate()),
                KeyFigure.percent("priority.pausesOverrun", null, today.pauses().overrunShare()));
    }

    /**
     * Priority and order of service in the day report (P1, P2, Q3, Q4, Q5): variable {@code priorityDay}
     * (per queue and office: priority tickets, fulfilment, bypasses, out-of-order calls, outcomes,
     * pauses), when the day has any of them.
     */
    @Bean
    DayReportSection priorityDaySection(QueueViews views) {
        return DayReportSection.of("priorityDay", (officeId, date, now) -> views.priorityDay(officeId, date),
                view -> hasData(view.office()));
    }

    static boolean hasData(ServiceDayView day) {
        return !day.priority().byCategory().isEmpty() || day.priority().offered() > 0
                || day.callOrder().regularCalls() > 0 || day.outcomes().ended() > 0 || day.outcomes().transfers() > 0
                || day.pauses().pauses() > 0;
    }

    /**
     * The priority row of the region overview (P1): today's fulfilment and priority clients waiting now;
     * no data for an office that has had no priority client today and has none waiting.
     */
    @Bean
    OverviewSection priorityOverview(QueueViews views) {
        return OverviewSection.of(Concern.PRIORITY, views::priority,
                view -> !view.waitingNow().isEmpty() || view.office().priority().offered() > 0, view -> List.of(
                        KeyFigure.percent("overview.figure.inTime", null, view.office().priority().fulfilmentRate()),
                        KeyFigure.count("overview.figure.waiting", null, view.waitingNow().size())));
    }
}
