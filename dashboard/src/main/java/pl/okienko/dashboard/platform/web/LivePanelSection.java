package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One concern's part of an office's live panel beside the queues (e.g. the phone panel, T1–T4): it
 * adds the variables its fragment in {@code queues/panel.html} reads, both when the page is
 * rendered and for every live update, so the page and the pushed panel always agree. A fragment
 * whose variable is missing is not shown.
 */
public interface LivePanelSection {

    /** Adds this section's template variables for {@code officeId} at {@code now}. */
    void addTo(String officeId, Instant now, Map<String, Object> variables);

    /**
     * The section of one variable: {@code reading}'s live view of the office, put under
     * {@code variable} when {@code shown} holds for it (the office has data of this kind), and its
     * {@code keyFigures} under {@code variable + "Figures"} for {@code fragments/stats :: key-figures}.
     */
    static <V> LivePanelSection of(String variable, BiFunction<String, Instant, Optional<V>> reading,
            Predicate<? super V> shown, Function<? super V, List<KeyFigure>> keyFigures) {
        return (officeId, now, variables) -> reading.apply(officeId, now).filter(shown).ifPresent(view -> {
            variables.put(variable, view);
            variables.put(variable + "Figures", keyFigures.apply(view));
        });
    }
}
