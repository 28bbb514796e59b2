package pl.okienko.dashboard.overview;

import java.time.Instant;
import java.util.List;

/**
 * The region overview as one page shows it (issue 14): the tiles of the offices shown, worst first,
 * the regions and department names to filter by, and the filter applied.
 *
 * @param tiles the offices shown, {@link OfficeTile#WORST_FIRST}
 * @param regions every region of the offices the person may see, sorted
 * @param departments every department name of those offices, sorted
 * @param filter what the tiles are narrowed to
 * @param asOf when it was read
 */
public record Overview(List<OfficeTile> tiles, List<String> regions, List<String> departments, OverviewFilter filter,
        Instant asOf) {

    public Overview {
        tiles = List.copyOf(tiles);
        regions = List.copyOf(regions);
        departments = List.copyOf(departments);
    }

    /** How many tiles show {@code light}, for the summary line. */
    public long count(Light light) {
        return tiles.stream().filter(tile -> tile.light() == light).count();
    }

    /** {@link #count(Light)} by the light's name, as a template names it. */
    public long count(String light) {
        return count(Light.valueOf(light));
    }
}
