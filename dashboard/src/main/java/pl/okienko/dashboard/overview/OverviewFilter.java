package pl.okienko.dashboard.overview;

import java.util.Locale;

import pl.okienko.directory.Office;

/**
 * What the region overview is narrowed to (issue 14): offices of one region and/or offices with a
 * department of one name (departments have ids of their own in each office, so they are matched by
 * name, ignoring case). A blank part does not narrow.
 *
 * @param region the region's name, or {@code null}
 * @param department a department's name, or {@code null}
 */
public record OverviewFilter(String region, String department) {

    /** Shows every office. */
    public static final OverviewFilter NONE = new OverviewFilter(null, null);

    public OverviewFilter {
        region = blankToNull(region);
        department = blankToNull(department);
    }

    /** Whether {@code office} is shown. */
    public boolean shows(Office office) {
        boolean inRegion = region == null || region.equalsIgnoreCase(office.getRegion() == null ? "" : office.getRegion());
        boolean hasDepartment = department == null || office.getDepartments().stream()
                .anyMatch(d -> d.getName().strip().toLowerCase(Locale.ROOT).equals(department.toLowerCase(Locale.ROOT)));
        return inRegion && hasDepartment;
    }

    /** Whether it narrows at all. */
    public boolean narrows() {
        return region != null || department != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
