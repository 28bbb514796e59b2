package pl.okienko.processors.queues;

import pl.okienko.processors.stats.DurationStats;

/** One duration measure (wait or service time, Q1) over the last 15 minutes, the last hour and today. */
public record WindowedStats(DurationStats last15Minutes, DurationStats lastHour, DurationStats today) {
}
