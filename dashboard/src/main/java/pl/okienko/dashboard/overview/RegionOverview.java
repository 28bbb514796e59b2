package pl.okienko.dashboard.overview;

import java.text.Collator;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;

/**
 * Reads the region overview (issue 14): for every office a person may see, each concern's key figures
 * ({@link OverviewSection}, one per concern) and the office's active alerts (Q2, P1, T3/T4, E1, C1, I1),
 * judged into a tile ({@link OfficeTiles}) and listed worst first. The alerts of every office are read
 * in one query.
 */
@Component
public class RegionOverview {

    private static final Logger LOG = LoggerFactory.getLogger(RegionOverview.class);
    private static final Collator POLISH = Collator.getInstance(Locale.forLanguageTag("pl"));

    private final OfficeDirectory directory;
    private final AlertViews alerts;
    private final List<OverviewSection> sections;

    @Autowired
    public RegionOverview(OfficeDirectory directory, AlertViews alerts, ObjectProvider<OverviewSection> sections) {
        this(directory, alerts, sections.orderedStream().toList());
    }

    RegionOverview(OfficeDirectory directory, AlertViews alerts, List<OverviewSection> sections) {
        this.directory = directory;
        this.alerts = alerts;
        this.sections = List.copyOf(sections);
    }

    /**
     * The overview at {@code now} of the offices in {@code visible} (empty: every office), narrowed by {@code filter}.
     *
     * @throws RuntimeException when the directory or the alerts cannot be read now (Kafka Streams restoring)
     */
    public Overview read(Optional<Set<String>> visible, OverviewFilter filter, Instant now) {
        List<Office> offices = directory.offices().stream()
                .filter(office -> visible.map(ids -> ids.contains(office.getOfficeId())).orElse(true))
                .toList();
        Map<String, List<AlertView>> activeByOffice = alerts.alerts(null, true).stream()
                .collect(Collectors.groupingBy(AlertView::officeId));
        List<OfficeTile> tiles = offices.stream()
                .filter(filter::shows)
                .map(office -> OfficeTiles.tile(office, figures(office.getOfficeId(), now),
                        activeByOffice.getOrDefault(office.getOfficeId(), List.of())))
                .sorted(OfficeTile.WORST_FIRST)
                .toList();
        List<String> regions = offices.stream().map(Office::getRegion).filter(Objects::nonNull).distinct()
                .sorted(POLISH).toList();
        List<String> departments = offices.stream().flatMap(office -> office.getDepartments().stream())
                .map(Department::getName).map(String::strip).distinct().sorted(POLISH).toList();
        return new Overview(tiles, regions, departments, filter, now);
    }

    private Map<Concern, Optional<List<KeyFigure>>> figures(String officeId, Instant now) {
        Map<Concern, Optional<List<KeyFigure>>> figures = new EnumMap<>(Concern.class);
        for (OverviewSection section : sections) {
            try {
                figures.put(section.concern(), Optional.of(section.keyFigures(officeId, now)));
            } catch (RuntimeException e) {
                // One concern's application restoring leaves its row unknown; the others stay live.
                LOG.debug("Overview figures of {} for {} not available now", section.concern(), officeId, e);
                figures.put(section.concern(), Optional.empty());
            }
        }
        return figures;
    }
}
