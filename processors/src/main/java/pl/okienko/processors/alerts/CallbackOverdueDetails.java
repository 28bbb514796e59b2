package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of a CALLBACK_OVERDUE alert (T3 missed calls, T4 promised callbacks).
 *
 * @param kind the obligation's kind, e.g. PROMISED
 * @param missedCalls missed calls of the number the obligation covers
 * @param lineId the line called, or null
 * @param metBy what met the obligation, or null while open
 */
public record CallbackOverdueDetails(String obligationId, String kind, Instant dueAt, Instant openedAt,
        Integer missedCalls, String lineId, String metBy) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("obligationId", obligationId).put("kind", kind).put("dueAt", dueAt)
                .put("openedAt", openedAt).put("missedCalls", missedCalls).put("lineId", lineId)
                .put("metBy", metBy).values();
    }

    static CallbackOverdueDetails read(DetailMap map) {
        return new CallbackOverdueDetails(map.text("obligationId"), map.text("kind"), map.instant("dueAt"),
                map.instant("openedAt"), map.integer("missedCalls"), map.text("lineId"), map.text("metBy"));
    }
}
