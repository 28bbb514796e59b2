package pl.okienko.processors.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Priority service and service quality of one office (P1, P2, Q3, Q4, Q5): the priority clients
 * waiting now (live view only) and the day's figures per queue, department and office.
 */
public record OfficePriorityView(String officeId, String officeName, String timeZone, Instant asOf, LocalDate date,
        List<PriorityClientView> waitingNow, ServiceDayView office, List<ServiceDayView> departments,
        List<ServiceDayView> queues) {
}
