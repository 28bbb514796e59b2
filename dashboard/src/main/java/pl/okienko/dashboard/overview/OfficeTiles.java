package pl.okienko.dashboard.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.directory.Office;
import pl.okienko.processors.alerts.AlertView;

/**
 * Judges one office's tile of the region overview (issue 14) from what its concerns read and its
 * active alerts: a concern is red while any of its alerts is active (amber for a complaint only
 * coming due, C1) or while its panel judges a figure so; it shows no data when it has neither.
 */
final class OfficeTiles {

    private OfficeTiles() {
    }

    /**
     * @param office the office's directory entry
     * @param figures per concern, its key figures, or empty when they could not be read now; a concern
     *     missing from the map has no section and shows no data
     * @param activeAlerts the office's alerts raised and not cleared
     */
    static OfficeTile tile(Office office, Map<Concern, Optional<List<KeyFigure>>> figures, List<AlertView> activeAlerts) {
        List<ConcernLight> concerns = new ArrayList<>();
        for (Concern concern : Concern.values()) {
            List<AlertView> alerts = activeAlerts.stream()
                    .filter(alert -> Concern.ofAlert(alert.type(), alert.rule()).orElse(null) == concern)
                    .toList();
            Optional<List<KeyFigure>> read = figures.getOrDefault(concern, Optional.of(List.of()));
            Light light = read.map(OfficeTiles::lightOf).orElse(Light.UNKNOWN);
            for (AlertView alert : alerts) {
                light = light.max(lightOf(alert));
            }
            concerns.add(new ConcernLight(concern, light, read.orElse(List.of()), alerts.size()));
        }
        Instant oldest = activeAlerts.stream().map(AlertView::raisedAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new OfficeTile(office.getOfficeId(), office.getName(), office.getRegion(), concerns, oldest);
    }

    private static Light lightOf(List<KeyFigure> figures) {
        return figures.stream().map(figure -> Light.of(figure.state())).reduce(Light.NO_DATA, Light::max);
    }

    /** A complaint coming due (C1) asks for watching; every other active alert is a rule broken now. */
    private static Light lightOf(AlertView alert) {
        return "COMPLAINT_DUE_SOON".equals(alert.type()) ? Light.WARNING : Light.ALERT;
    }
}
