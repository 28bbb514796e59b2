package pl.okienko.processors.alerts;

import java.util.Map;

import pl.okienko.alerts.Alert;

/**
 * The figures behind one alert, typed by alert type (Q2, P1, T3/T4, E1, C1, I1). On the wire they stay the Avro
 * {@code details} map of text values with the same keys as ever, so stored alerts still read; {@link #toMap()}
 * writes that map and {@link #of(String, Map)} reads it back. Reading is lenient: a value missing or not a number
 * in an older or hand-made map reads as null rather than failing the whole alert.
 */
public sealed interface AlertDetails permits QueueExcessiveDetails, PriorityWaitingDetails, CallbackOverdueDetails,
        EmailOverdueDetails, ComplaintDeadlineDetails, IncidentDetails, HotspotDetails, UnknownDetails {

    /** The Avro {@code details} map: each present value as text under its key, absent ones left out. */
    Map<String, String> toMap();

    /** The details of {@code alert}, typed by its type. */
    static AlertDetails of(Alert alert) {
        return of(alert.getType().name(), alert.getDetails());
    }

    /** The details of an alert of {@code type} (an {@code AlertType} name) from its map; null reads as empty. */
    static AlertDetails of(String type, Map<String, String> details) {
        DetailMap map = new DetailMap(details == null ? Map.of() : details);
        return switch (type == null ? "" : type) {
            case "QUEUE_EXCESSIVE" -> QueueExcessiveDetails.read(map);
            case "PRIORITY_WAITING" -> PriorityWaitingDetails.read(map);
            case "CALLBACK_OVERDUE" -> CallbackOverdueDetails.read(map);
            case "EMAIL_OVERDUE" -> EmailOverdueDetails.read(map);
            case "COMPLAINT_DUE_SOON", "COMPLAINT_OVERDUE" -> ComplaintDeadlineDetails.read(map);
            case "INCIDENT" -> IncidentDetails.read(map);
            case "INCIDENT_HOTSPOT" -> HotspotDetails.read(map);
            default -> new UnknownDetails(Map.copyOf(map.values()));
        };
    }
}
