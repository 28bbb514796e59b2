package pl.okienko.processors.alerts;

import java.util.Map;

/**
 * The figures of a QUEUE_EXCESSIVE alert (Q2): the queue's line against the limits in force.
 *
 * @param waiting clients waiting in the queue at this step
 * @param longestWaitSeconds the longest wait among them
 * @param waitingLimit the limit of waiting clients in force
 * @param longestWaitLimitSeconds the limit of the longest wait in force
 */
public record QueueExcessiveDetails(String queueId, Integer waiting, Long longestWaitSeconds, Integer waitingLimit,
        Long longestWaitLimitSeconds) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("queueId", queueId).put("waiting", waiting)
                .put("longestWaitSeconds", longestWaitSeconds).put("waitingLimit", waitingLimit)
                .put("longestWaitLimitSeconds", longestWaitLimitSeconds).values();
    }

    static QueueExcessiveDetails read(DetailMap map) {
        return new QueueExcessiveDetails(map.text("queueId"), map.integer("waiting"), map.number("longestWaitSeconds"),
                map.integer("waitingLimit"), map.number("longestWaitLimitSeconds"));
    }
}
