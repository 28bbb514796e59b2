package pl.okienko.processors.queues;

import pl.okienko.processors.stats.DurationStats;

/** Wait and service statistics of one queue, department or office for one event-time day (Q1). */
public record QueueDayStats(String id, String name, String departmentId, DurationStats waitTime, DurationStats serviceTime) {
}
