package pl.okienko.dashboard.overview;

import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One office on the region overview (issue 14): its name and region, a {@link ConcernLight} per
 * concern and the time its oldest active alert was raised. Tiles are listed {@link #WORST_FIRST}.
 *
 * @param officeId the office's directory id
 * @param name its name
 * @param region its region, or {@code null} when the directory gives none
 * @param concerns one light per concern, in {@link pl.okienko.dashboard.platform.web.Concern} order
 * @param oldestAlert when its oldest active alert was raised; {@code null} when none is active
 */
public record OfficeTile(String officeId, String name, String region, List<ConcernLight> concerns, Instant oldestAlert) {

    private static final Collator POLISH = Collator.getInstance(Locale.forLanguageTag("pl"));

    /**
     * The office in most trouble first: the most urgent light, then the most concerns at that light,
     * then the longest-standing alert, then by name.
     */
    public static final Comparator<OfficeTile> WORST_FIRST = Comparator.comparing(OfficeTile::light).reversed()
            .thenComparing(Comparator.comparingLong(OfficeTile::concernsAtWorst).reversed())
            .thenComparing(OfficeTile::oldestAlert, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OfficeTile::name, POLISH);

    public OfficeTile {
        concerns = List.copyOf(concerns);
    }

    /** The whole office's light: its most urgent concern's. */
    public Light light() {
        return concerns.stream().map(ConcernLight::light).reduce(Light.UNKNOWN, Light::max);
    }

    /** How many of its concerns show the office's light. */
    public long concernsAtWorst() {
        Light worst = light();
        return concerns.stream().filter(concern -> concern.light() == worst).count();
    }

    /** Its alerts raised and not cleared, over every concern. */
    public int activeAlerts() {
        return concerns.stream().mapToInt(ConcernLight::activeAlerts).sum();
    }
}
