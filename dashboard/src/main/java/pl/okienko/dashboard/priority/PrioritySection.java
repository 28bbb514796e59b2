package pl.okienko.dashboard.priority;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.processors.queues.QueueViews;

/**
 * The priority part of an office's live panel (P1, with today's Q3, Q4, Q5 figures): priority
 * clients waiting now, with their wait and bypasses, and today's fulfilment.
 */
@Component
public class PrioritySection implements LivePanelSection {

    private final QueueViews views;

    public PrioritySection(QueueViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, Instant now, Map<String, Object> variables) {
        views.priority(officeId, now).ifPresent(view -> variables.put("priority", view));
    }
}
