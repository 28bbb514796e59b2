package pl.okienko.processors.alerts;

import java.util.Map;

/**
 * The figures of a PRIORITY_WAITING alert (P1): a priority client waiting past the target.
 *
 * @param category the priority category, e.g. ELDERLY
 * @param waitSeconds how long the client has waited at this step
 * @param bypasses how many clients were called before them
 * @param targetSeconds the target wait in force
 */
public record PriorityWaitingDetails(String ticketId, String queueId, String category, Long waitSeconds,
        Integer bypasses, Long targetSeconds) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("ticketId", ticketId).put("queueId", queueId).put("category", category)
                .put("waitSeconds", waitSeconds).put("bypasses", bypasses).put("targetSeconds", targetSeconds)
                .values();
    }

    static PriorityWaitingDetails read(DetailMap map) {
        return new PriorityWaitingDetails(map.text("ticketId"), map.text("queueId"), map.text("category"),
                map.number("waitSeconds"), map.integer("bypasses"), map.number("targetSeconds"));
    }
}
