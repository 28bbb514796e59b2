package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of an INCIDENT alert (I1).
 *
 * @param level the incident's level
 * @param panic raised by the panic button
 * @param deskId the desk, or null
 * @param departmentId the department, or null
 * @param location where in the office, or null
 * @param channel how it was reported, or null
 * @param escalation who was called, e.g. SECURITY
 * @param reraises times raised again for want of an acknowledgement
 * @param ackWithinSeconds the acknowledgement time in force
 * @param reportedAt when it was reported, or null
 * @param outcome how it ended, or null while open
 */
public record IncidentDetails(String incidentId, Integer level, Boolean panic, String deskId, String departmentId,
        String location, String channel, String escalation, Integer reraises, Long ackWithinSeconds,
        Instant reportedAt, String outcome) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("incidentId", incidentId).put("level", level).put("panic", panic)
                .put("deskId", deskId).put("departmentId", departmentId).put("location", location)
                .put("channel", channel).put("escalation", escalation).put("reraises", reraises)
                .put("ackWithinSeconds", ackWithinSeconds).put("reportedAt", reportedAt).put("outcome", outcome)
                .values();
    }

    static IncidentDetails read(DetailMap map) {
        return new IncidentDetails(map.text("incidentId"), map.integer("level"), map.flag("panic"),
                map.text("deskId"), map.text("departmentId"), map.text("location"), map.text("channel"),
                map.text("escalation"), map.integer("reraises"), map.number("ackWithinSeconds"),
                map.instant("reportedAt"), map.text("outcome"));
    }
}
