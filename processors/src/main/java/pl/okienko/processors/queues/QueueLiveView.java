package pl.okienko.processors.queues;

import java.util.List;

import pl.okienko.processors.alerts.AlertView;

/**
 * Live state of one queue, department or whole office (Q1, Q2).
 *
 * @param id queueId, departmentId or officeId
 * @param name display name from the directory (the id when unknown)
 * @param waitingNow clients waiting now
 * @param longestWaitSeconds wait of the longest-waiting client now, 0 when nobody waits
 * @param desksOpen desks open now that serve it
 * @param servedLastHour services ended in the last hour
 * @param waitTime ticket issued to called
 * @param serviceTime service started to ended
 * @param activeAlerts alerts raised and not cleared for this queue (empty for aggregates)
 */
public record QueueLiveView(
        String id,
        String name,
        String departmentId,
        int waitingNow,
        long longestWaitSeconds,
        int desksOpen,
        long servedLastHour,
        WindowedStats waitTime,
        WindowedStats serviceTime,
        List<AlertView> activeAlerts) {
}
