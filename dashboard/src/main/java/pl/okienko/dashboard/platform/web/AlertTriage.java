package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import pl.okienko.processors.alerts.AlertView;

/**
 * An office's active alerts as a list to work through (issue 14, triage): the new ones apart from those
 * someone acknowledged, each part by {@link AlertSeverity} and, within one severity, the longest open
 * first.
 *
 * @param fresh raised or raised again, nobody acknowledged them yet
 * @param acknowledged someone said "I'm on it"
 */
public record AlertTriage(List<AlertLine> fresh, List<AlertLine> acknowledged) {

    /** Most severe first; within a severity, the one raised earliest; the id breaks ties so the order never jumps. */
    public static final Comparator<AlertView> ORDER = Comparator
            .comparing((AlertView alert) -> AlertSeverity.of(alert.type(), alert.rule()))
            .thenComparing(AlertView::raisedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(AlertView::alertId, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    /** The active ones of {@code alerts} in triage order, each as {@code line} shows it. */
    public static AlertTriage of(List<AlertView> alerts, Function<AlertView, AlertLine> line) {
        List<AlertView> active = alerts.stream().filter(AlertView::active).sorted(ORDER).toList();
        return new AlertTriage(active.stream().filter(alert -> !alert.acknowledged()).map(line).toList(),
                active.stream().filter(AlertView::acknowledged).map(line).toList());
    }

    public boolean isEmpty() {
        return fresh.isEmpty() && acknowledged.isEmpty();
    }
}
