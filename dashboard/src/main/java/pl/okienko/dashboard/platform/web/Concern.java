package pl.okienko.dashboard.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pl.okienko.schemas.Rule;

/**
 * The concerns an office is watched for, each with the rules it serves: the rows of an office's tile
 * on the region overview (issue 14), in the order a supervisor reads them. An alert belongs to the
 * concern of its type ({@link #ofAlert}).
 */
public enum Concern {
    QUEUES(Rule.Q1, Rule.Q2),
    PRIORITY(Rule.P1),
    PHONE(Rule.T1, Rule.T2),
    CALLBACKS(Rule.T3, Rule.T4),
    EMAIL(Rule.E1, Rule.E2),
    COMPLAINTS(Rule.C1, Rule.E3),
    INCIDENTS(Rule.I1),
    SATISFACTION(Rule.S1);

    private final List<Rule> rules;

    Concern(Rule... rules) {
        this.rules = List.of(rules);
    }

    /** The rules this concern's figures and alerts serve. */
    public List<Rule> rules() {
        return rules;
    }

    /** The message code of its name on the pages, e.g. {@code concern.queues}. */
    public String messageCode() {
        return "concern." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The concern of an alert of {@code type} (an {@code AlertType} name); a type this version does not
     * know is placed by its {@code rule}, and nowhere when that is unknown too.
     */
    public static Optional<Concern> ofAlert(String type, String rule) {
        Concern byType = switch (type == null ? "" : type) {
            case "QUEUE_EXCESSIVE" -> QUEUES;
            case "PRIORITY_WAITING" -> PRIORITY;
            case "CALLBACK_OVERDUE" -> CALLBACKS;
            case "EMAIL_OVERDUE" -> EMAIL;
            case "COMPLAINT_DUE_SOON", "COMPLAINT_OVERDUE" -> COMPLAINTS;
            case "INCIDENT", "INCIDENT_HOTSPOT" -> INCIDENTS;
            default -> null;
        };
        if (byType != null) {
            return Optional.of(byType);
        }
        for (Concern concern : values()) {
            if (concern.rules.stream().anyMatch(r -> r.name().equals(rule))) {
                return Optional.of(concern);
            }
        }
        return Optional.empty();
    }
}
