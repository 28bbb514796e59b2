package pl.okienko.processors.deadlines;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays an office keeps, as its directory entry names them ({@code Office.holidays}):
 * a country code (ISO 3166-1 alpha-2, {@code PL}), optionally with a region as in ISO 3166-2
 * ({@code DE-BY}), whose holidays come from Jollyday's calendars; or {@code NONE}, an office that
 * keeps none. Business hours (T3) and working days (C1, E3) skip them.
 */
public final class PublicHolidays {

    /** What an office keeps when its entry names nothing: Poland's statutory holidays. */
    public static final String DEFAULT_CODE = "PL";
    /** An office that keeps no public holidays (e.g. one open every day of the year). */
    public static final String NONE_CODE = "NONE";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** One instance per code: building Jollyday's manager parses its XML calendar (~0.5 ms). */
    private static final Map<String, PublicHolidays> BY_CODE = new ConcurrentHashMap<>();
    private static final PublicHolidays NONE = new PublicHolidays(NONE_CODE, null, null);

    private final String code;
    private final HolidayManager manager;
    private final String[] region;
    /** A year's dates are computed once: Jollyday evaluates every rule of the calendar per question. */
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(String code, HolidayManager manager, String region) {
        this.code = code;
        this.manager = manager;
        this.region = region == null ? new String[0] : new String[] {region};
    }

    /**
     * The holidays named by {@code code} (case does not matter).
     *
     * @throws IllegalArgumentException saying why there is no such calendar
     */
    public static PublicHolidays of(String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (normalised.equals(NONE_CODE)) {
            return NONE;
        }
        PublicHolidays known = BY_CODE.get(normalised);
        return known != null ? known : BY_CODE.computeIfAbsent(normalised, PublicHolidays::load);
    }

    /** The holidays of {@code code}, or Poland's when the code names no calendar (a record that skipped validation). */
    public static PublicHolidays ofOrDefault(String code) {
        try {
            return of(code);
        } catch (IllegalArgumentException e) {
            return of(DEFAULT_CODE);
        }
    }

    private static PublicHolidays load(String code) {
        int dash = code.indexOf('-');
        String country = dash < 0 ? code : code.substring(0, dash);
        String region = dash < 0 ? null : code.substring(dash + 1);
        if (!COUNTRY.matcher(country).matches() || !HolidayManager.getSupportedCalendarCodes().contains(country)) {
            throw new IllegalArgumentException("'" + code + "' names no country with a public holiday calendar: expected"
                    + " a country code (ISO 3166-1 alpha-2) such as PL, a country and region such as DE-BY, or NONE");
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Set<String> regions = manager.getCalendarHierarchy().getChildren().keySet();
        if (region != null && !regions.contains(region.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + code + "': country " + country + " has no region '" + region + "'"
                    + (regions.isEmpty() ? "; name the country alone"
                            : "; its regions are " + regions.stream().map(r -> r.toUpperCase(Locale.ROOT))
                                    .collect(Collectors.toCollection(TreeSet::new))));
        }
        return new PublicHolidays(code, manager, region == null ? null : region.toLowerCase(Locale.ROOT));
    }

    /** The code as the directory should hold it: upper case, e.g. {@code PL}, {@code DE-BY}, {@code NONE}. */
    public String code() {
        return code;
    }

    public boolean isHoliday(LocalDate date) {
        return manager != null && holidays(date.getYear()).contains(date);
    }

    /**
     * The public holidays of {@code year}, on the day they are kept: where a calendar moves a
     * holiday falling on a weekend to a weekday (observed), the office is closed on that weekday,
     * which is Jollyday's {@code getDate()} (its {@code getActualDate()} is the calendar date).
     */
    public Set<LocalDate> holidays(int year) {
        if (manager == null) {
            return Set.of();
        }
        return byYear.computeIfAbsent(year, y -> manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region)
                .stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }
}
