package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.util.Map;

/**
 * One concern's part of an office's live panel beside the queues (e.g. the phone panel, T1–T4): it
 * adds the variables its fragment in {@code queues/panel.html} reads, both when the page is
 * rendered and for every live update, so the page and the pushed panel always agree. A fragment
 * whose variable is missing is not shown.
 */
public interface LivePanelSection {

    /** Adds this section's template variables for {@code officeId} at {@code now}. */
    void addTo(String officeId, Instant now, Map<String, Object> variables);
}
