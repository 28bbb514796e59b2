package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueLiveView;
import pl.okienko.processors.queues.WindowedStats;
import pl.okienko.processors.stats.DurationStats;

/**
 * An office with no queue and nobody waiting (UM-JED at {@link #NOW}), so that its live panel shows
 * what one concern's section adds to it: the fixture of those sections' rendering tests.
 */
public final class QuietOffice {

    /** The reading time of the office's views. */
    public static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    private static final LivePanelRenderer RENDERER = new LivePanelRenderer(TestTemplates.engine(), null);

    private QuietOffice() {
    }

    /** The office's live queues, with these alerts active. */
    public static OfficeQueuesView view(AlertView... alerts) {
        WindowedStats none = new WindowedStats(DurationStats.EMPTY, DurationStats.EMPTY, DurationStats.EMPTY);
        QueueLiveView office = new QueueLiveView("UM-JED", "Urząd", null, 0, 0, 0, 0, none, none, List.of());
        return new OfficeQueuesView("UM-JED", "Urząd", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 20), office,
                List.of(), List.of(), List.of(alerts));
    }

    /** The panel of {@code view} with a section's {@code variables} in {@code locale}, as the live updates push it. */
    public static String panel(OfficeQueuesView view, Locale locale, Map<String, Object> variables) {
        return RENDERER.render(view, locale, variables);
    }
}
