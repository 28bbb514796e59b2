package pl.okienko.dashboard.platform.web;

import pl.okienko.dashboard.platform.web.OfficeNames.Name;

/**
 * One alert as a list shows it, every text already in the page's language (Q2, P1, T3/T4, E1, C1, I1).
 *
 * @param title what kind of alert, e.g. "Request due soon"
 * @param place the queue, desk, department, line or mailbox it is about, by its directory name; or null
 * @param detail the figures it was raised with, and deadlines as they stand now
 * @param current the same figures now, where the page knows them (a queue's line, a priority client's wait); or null
 * @param since when it was raised: a time today, else a date and time
 * @param acknowledgement who acknowledged it and when; null while nobody has
 */
public record AlertLine(String alertId, String type, String rule, String state, String subjectId,
        AlertSeverity severity, String title, Name place, String detail, String current, String since,
        String acknowledgement) {
}
