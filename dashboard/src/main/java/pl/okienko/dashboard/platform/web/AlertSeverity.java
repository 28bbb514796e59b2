package pl.okienko.dashboard.platform.web;

import java.util.Locale;

/**
 * How urgently an alert asks for someone (issue 14, triage): the one place that ranks the alert types.
 * A threat to people first (I1), then a person kept waiting against a rule now (P1, T3/T4), then a queue
 * (Q2), then deadlines still hours or days away (E1, C1). Lists show the most severe first; each
 * severity has its own colour and its own shape, so it reads without colour too.
 */
public enum AlertSeverity {
    /** Incident or panic button (I1): someone may be in danger. */
    CRITICAL,
    /** A priority client waiting past the target (P1), a callback overdue (T3/T4), incidents gathering (I1). */
    HIGH,
    /** An excessive queue (Q2). */
    MEDIUM,
    /** E-mail and complaint deadlines (E1, C1). */
    LOW;

    /**
     * The severity of an alert of {@code type} (an {@code AlertType} name); a type this version does not
     * know (read as UNKNOWN) is ranked by its {@code rule}, and MEDIUM when that says nothing either.
     */
    public static AlertSeverity of(String type, String rule) {
        return switch (type == null ? "" : type) {
            case "INCIDENT" -> CRITICAL;
            case "PRIORITY_WAITING", "CALLBACK_OVERDUE", "INCIDENT_HOTSPOT" -> HIGH;
            case "QUEUE_EXCESSIVE" -> MEDIUM;
            case "EMAIL_OVERDUE", "COMPLAINT_DUE_SOON", "COMPLAINT_OVERDUE" -> LOW;
            default -> ofRule(rule);
        };
    }

    private static AlertSeverity ofRule(String rule) {
        return switch (rule == null ? "" : rule) {
            case "I1" -> CRITICAL;
            case "P1", "T3", "T4" -> HIGH;
            case "E1", "E2", "E3", "C1" -> LOW;
            default -> MEDIUM;
        };
    }

    /** Its CSS class, e.g. {@code severity-critical}: the colour and the icon's shape. */
    public String cssClass() {
        return "severity-" + name().toLowerCase(Locale.ROOT);
    }
}
