package pl.okienko.dashboard.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueLiveView;

/**
 * How the pages show the queue measures (Q1) and alerts (Q2…I1): durations as a person reads them,
 * "—" where a measure has no data, the red/amber/green status of a queue, and the alerts triaged
 * ({@link #alerts}). Available in every template as {@code fmt}.
 */
public final class Display {

    /** What an empty measure shows: a dash, never 0, since "no data" is not "no wait". */
    public static final String NONE = "—";

    private static final long DAY = 86_400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    /** Status of a queue by rule: an active QUEUE_EXCESSIVE alert (Q2) is red. */
    public static final String ALERT = "alert";
    /** Clients wait and no desk serves the queue (Q1: a client is served at once or directed). */
    public static final String ATTENTION = "attention";
    /** Everything else. */
    public static final String OK = "ok";

    /**
     * A wait that is still running, as a clock: {@code 4:05}, {@code 1:02:09}; 0 is {@code 0:00}. From a
     * day on it is days and hours, {@code 14 d 16 h}: a clock of 352 hours overflows a tile and reads as
     * nothing (issue 14).
     */
    public String clock(long seconds) {
        long s = Math.max(0, seconds);
        if (s >= DAY) {
            return days(s);
        }
        if (s >= 3600) {
            return String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format("%d:%02d", s / 60, s % 60);
    }

    /**
     * A wait read from across a room, to the minute: {@code < 1 min}, {@code 14 min}, {@code 2 h 05 min},
     * {@code 3 d 04 h}. It changes once a minute, so a page that shows it is not sent again every second.
     */
    public String minutes(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return "< 1 min";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < DAY) {
            return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return days(s);
    }

    private static String days(long seconds) {
        return String.format("%d d %02d h", seconds / DAY, seconds % DAY / 3600);
    }

    /** {@link #clock(long)} of a figure that may be unknown (alert details); the dash when it is. */
    public String clock(Long seconds) {
        return seconds == null ? NONE : clock(seconds.longValue());
    }

    /**
     * A statistic's duration: {@code 45 s}, {@code 5:30 min}, {@code 1 h 05 min}; the dash when there
     * is none.
     */
    public String duration(Double seconds) {
        if (seconds == null || seconds.isNaN()) {
            return NONE;
        }
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format("%d:%02d min", s / 60, s % 60);
        }
        long minutes = Math.round(s / 60.0);
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }

    /**
     * A rate (0..1) as a whole percentage, {@code 75%}; the dash when there was nothing to divide by.
     * The same in both languages of the pages (a rate has no thousands to group).
     */
    public String percent(Double rate) {
        if (rate == null) {
            return NONE;
        }
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        percent.setMaximumFractionDigits(0);
        return percent.format(rate);
    }

    /** An instant as the office's local time of day, {@code 09:14}. */
    public String time(Instant instant, String timeZone) {
        if (instant == null) {
            return NONE;
        }
        return TIME.format(instant.atZone(zone(timeZone)));
    }

    /** An instant as the office's local date and time, {@code 24.11 15:53}; the dash when there is none. */
    public String dateTime(Instant instant, String timeZone) {
        if (instant == null) {
            return NONE;
        }
        return DATE_TIME.format(instant.atZone(zone(timeZone)));
    }

    /** {@link #ALERT}, {@link #ATTENTION} or {@link #OK}. */
    public String status(QueueLiveView queue) {
        if (queue.activeAlerts() != null && !queue.activeAlerts().isEmpty()) {
            return ALERT;
        }
        if (queue.waitingNow() > 0 && queue.desksOpen() == 0) {
            return ATTENTION;
        }
        return OK;
    }

    /**
     * The office's active alerts of {@code view} in triage order (issue 14): new apart from acknowledged,
     * most severe and longest open first, in {@code locale}, as they stand at the view's time; units named
     * by {@code names} (null: the view's queue names), current figures from the view and from
     * {@code priority} (null: none).
     */
    public AlertTriage alerts(OfficeQueuesView view, OfficeNames names, OfficePriorityView priority, Locale locale) {
        Map<String, String> queueNames = view.queues().stream().filter(q -> q.id() != null && q.name() != null)
                .collect(Collectors.toMap(QueueLiveView::id, QueueLiveView::name, (first, second) -> first));
        OfficeNames known = (names == null ? OfficeNames.NONE : names).withQueues(queueNames);
        LiveFigures live = LiveFigures.of(view, priority);
        AlertTexts texts = new AlertTexts(locale, zone(view.timeZone()),
                view.asOf() == null ? Instant.now() : view.asOf());
        return AlertTriage.of(view.activeAlerts(), alert -> texts.line(alert, known, live));
    }

    /**
     * The texts of deadlines and times ({@link AlertTexts}) in {@code locale}, in the office's zone, as they
     * stand at {@code now} (the view's time; when unknown, now): for a template's lists beside the alerts.
     */
    public AlertTexts texts(Locale locale, String timeZone, Instant now) {
        return new AlertTexts(locale, zone(timeZone), now == null ? Instant.now() : now);
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("Europe/Warsaw");
        }
    }
}
