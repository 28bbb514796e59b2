package pl.okienko.processors.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import pl.okienko.processors.alerts.AlertView;

/** The live queue view of one office (Q1, Q2): per queue, per department and for the whole office. */
public record OfficeQueuesView(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate today,
        QueueLiveView office,
        List<QueueLiveView> departments,
        List<QueueLiveView> queues,
        List<AlertView> activeAlerts) {
}
