package pl.okienko.dashboard.overview;

import java.util.List;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.KeyFigure;

/**
 * One row of an office's tile on the region overview (issue 14): a concern's light, its key figures
 * and how many of its alerts are active.
 *
 * @param concern the concern
 * @param light its light: the more urgent of its figures' states and its active alerts
 * @param figures its key figures now, the first one shown large; none when there is no data or it cannot be read
 * @param activeAlerts its alerts raised and not cleared
 */
public record ConcernLight(Concern concern, Light light, List<KeyFigure> figures, int activeAlerts) {

    public ConcernLight {
        figures = List.copyOf(figures);
    }

    /** The figure shown large on the tile, if there is one. */
    public KeyFigure main() {
        return figures.isEmpty() ? null : figures.get(0);
    }

    /** The figures shown small below the main one. */
    public List<KeyFigure> others() {
        return figures.size() <= 1 ? List.of() : figures.subList(1, figures.size());
    }
}
