package pl.okienko.dashboard.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.PageController;
import pl.okienko.dashboard.platform.web.VisibleOffices;

/**
 * The analysts' page (issue 15; Q1, Q2, P1, T1, T2, E1, C1, I1, S1): {@code GET /analytics} offers the offices the
 * caller may see, a period (the last full month unless asked) and a granularity (a week unless asked); given
 * {@code from} and {@code to} it shows the {@link Comparison} of the chosen offices ({@link AnalyticsTable}), a trend
 * chart of one rule per period bucket drawn by {@code js/analytics.js}, a link to the same comparison as CSV, and per
 * department how its weekly satisfaction went with its weekly waits ({@link WaitSatisfaction}).
 * Naming an office outside the caller's is a 403, as in {@link ComparisonController}, whose checks it reuses.
 */
@PageController
public class AnalyticsPageController {

    static final String TEMPLATE = "analytics/analytics";
    static final String DEFAULT_GRANULARITY = "week";
    /** The default last full month is that of the offices' usual zone. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

    private final ComparisonController api;
    private final VisibleOffices visible;

    AnalyticsPageController(ComparisonController api, VisibleOffices visible) {
        this.api = api;
        this.visible = visible;
    }

    @GetMapping("/analytics")
    public String page(@RequestParam(required = false) List<String> offices,
            @RequestParam(required = false) @Day LocalDate from, @RequestParam(required = false) @Day LocalDate to,
            @RequestParam(required = false) String granularity, Model model, Authentication caller) {
        LocalDate firstOfThisMonth = LocalDate.now(ZONE).withDayOfMonth(1);
        LocalDate shownFrom = from != null ? from : firstOfThisMonth.minusMonths(1);
        LocalDate shownTo = to != null ? to : firstOfThisMonth.minusDays(1);
        String shownGranularity = granularity == null || granularity.isBlank() ? DEFAULT_GRANULARITY : granularity;
        model.addAttribute("offices", visible.of(caller));
        model.addAttribute("from", shownFrom);
        model.addAttribute("to", shownTo);
        model.addAttribute("granularity", shownGranularity);
        model.addAttribute("granularities", List.of("day", "week", "month"));
        model.addAttribute("rules", AnalyticsTable.TREND_RULES);
        Set<String> selected = offices == null ? Set.of() : offices.stream().map(String::strip).collect(Collectors.toSet());
        if (from != null || to != null) {
            try {
                Comparison comparison = api.json(shownFrom, shownTo, offices, shownGranularity, caller);
                List<String> compared = comparison.offices().stream().map(Comparison.OfficeRows::officeId).toList();
                selected = Set.copyOf(compared);
                model.addAttribute("table", AnalyticsTable.of(comparison));
                model.addAttribute("correlations", api.waitSatisfaction(shownFrom, shownTo, compared, caller));
                model.addAttribute("minWeeks", WaitSatisfaction.MIN_WEEKS);
                model.addAttribute("trend", AnalyticsTable.trendJson(comparison));
                model.addAttribute("csv", UriComponentsBuilder.fromPath("/api/v1/analytics/comparison.csv")
                        .queryParam("from", shownFrom).queryParam("to", shownTo)
                        .queryParam("offices", String.join(",", compared))
                        .queryParam("granularity", shownGranularity).encode().build().toUriString());
            } catch (ResponseStatusException e) {
                model.addAttribute("problem", e.getReason());
            }
        }
        model.addAttribute("selected", selected);
        return TEMPLATE;
    }
}
