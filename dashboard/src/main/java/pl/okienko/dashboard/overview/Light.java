package pl.okienko.dashboard.overview;

import java.util.Locale;

import pl.okienko.dashboard.platform.web.KeyFigure;

/**
 * The traffic light of one concern of an office, or of the whole office, on the region overview
 * (issue 14), from least to most urgent: nothing known, no data of this kind, fine, needs watching,
 * a rule broken now.
 */
public enum Light {
    UNKNOWN, NO_DATA, NORMAL, WARNING, ALERT;

    /** The light of a figure as its concern judges it. */
    static Light of(KeyFigure.State state) {
        return switch (state) {
            case NORMAL -> NORMAL;
            case WARNING -> WARNING;
            case ALERT -> ALERT;
        };
    }

    /** The more urgent of the two. */
    Light max(Light other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Its CSS class and {@code data-light}, e.g. {@code alert}, {@code no-data}. */
    public String mark() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message code of its name, read out beside the colour for those who cannot tell the colours. */
    public String messageCode() {
        return "overview.light." + mark();
    }
}
