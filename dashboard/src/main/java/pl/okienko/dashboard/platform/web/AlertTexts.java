package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import pl.okienko.dashboard.platform.web.OfficeNames.Name;
import pl.okienko.processors.alerts.AlertDetails;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.CallbackOverdueDetails;
import pl.okienko.processors.alerts.ComplaintDeadlineDetails;
import pl.okienko.processors.alerts.EmailOverdueDetails;
import pl.okienko.processors.alerts.HotspotDetails;
import pl.okienko.processors.alerts.IncidentDetails;
import pl.okienko.processors.alerts.PriorityWaitingDetails;
import pl.okienko.processors.alerts.QueueExcessiveDetails;
import pl.okienko.processors.queues.PriorityClientView;
import pl.okienko.processors.queues.QueueLiveView;

/**
 * The texts of alerts (Q2, P1, T3/T4, E1, C1, I1) in Polish or English, from their typed details and the
 * state now: plurals by CLDR's rules through ICU's MessageFormat (1 osoba, 2 osoby, 5 osób, 22 osoby),
 * deadlines as they stand at {@code now} ("due today 15:30", "overdue since 09:30", "due Mon 7 Dec 09:30
 * (in 3 days)"), a time with its date when it is not today, and units by their directory names. The
 * patterns are the {@code alertText.*} keys of {@code messages*.properties}, in ICU's syntax.
 */
public final class AlertTexts {

    private static final String DATE_TIME = "EEE d MMM HH:mm";
    private static final String TIME = "HH:mm";
    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final Locale locale;
    private final ResourceBundle messages;
    private final ZoneId zone;
    private final Instant now;
    private final Display display = new Display();

    /** Texts in {@code locale} (Polish, else English), for an office in {@code zone}, as they stand at {@code now}. */
    public AlertTexts(Locale locale, ZoneId zone, Instant now) {
        this.locale = locale != null && POLISH.getLanguage().equals(locale.getLanguage()) ? POLISH : Locale.ENGLISH;
        this.messages = ResourceBundle.getBundle("messages", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.zone = zone;
        this.now = now;
    }

    /** {@code alert} as a list shows it, its units named by {@code names}, its figures now from {@code live}. */
    public AlertLine line(AlertView alert, OfficeNames names, LiveFigures live) {
        AlertSeverity severity = AlertSeverity.of(alert.type(), alert.rule());
        String acknowledgement = alert.acknowledged()
                ? text("alertText.acknowledged", "who", alert.acknowledgedBy(), "when", when(alert.acknowledgedAt()))
                : null;
        String since = alert.raisedAt() == null ? null : text("alertText.since", "when", when(alert.raisedAt()));
        Parts parts = parts(alert, alert.typedDetails(), names, live);
        return new AlertLine(alert.alertId(), alert.type(), alert.rule(), alert.state(), alert.subjectId(), severity,
                parts.title, parts.place, String.join(", ", parts.detail), parts.current.isEmpty() ? null
                        : String.join(", ", parts.current), since, acknowledgement);
    }

    private Parts parts(AlertView alert, AlertDetails details, OfficeNames names, LiveFigures live) {
        if (details instanceof QueueExcessiveDetails d) {
            return queue(alert, d, names, live);
        } else if (details instanceof PriorityWaitingDetails d) {
            return priority(d, names, live);
        } else if (details instanceof CallbackOverdueDetails d) {
            return callback(d, names);
        } else if (details instanceof EmailOverdueDetails d) {
            return email(d, names);
        } else if (details instanceof ComplaintDeadlineDetails d) {
            return complaint(alert, d, names);
        } else if (details instanceof IncidentDetails d) {
            return incident(d, names);
        } else if (details instanceof HotspotDetails d) {
            return hotspot(alert, d, names);
        }
        return new Parts(label("alert.UNKNOWN"), null).detail(alert.message());
    }

    private Parts queue(AlertView alert, QueueExcessiveDetails d, OfficeNames names, LiveFigures live) {
        String queueId = d.queueId() != null ? d.queueId() : alert.subjectId();
        Parts parts = new Parts(label("alert.QUEUE_EXCESSIVE"), unit(names.queue(queueId), "queue"));
        if (d.waiting() != null) {
            parts.detail(text("alertText.queue.waiting", "waiting", d.waiting(), "limit", figure(d.waitingLimit())));
        }
        if (d.longestWaitSeconds() != null) {
            parts.detail(text("alertText.queue.longest", "wait", display.clock(d.longestWaitSeconds()),
                    "limit", display.clock(d.longestWaitLimitSeconds())));
        }
        QueueLiveView queue = live.queues().get(queueId);
        if (queue != null) {
            parts.current(text("alertText.queue.now", "waiting", queue.waitingNow(),
                    "wait", display.clock(queue.longestWaitSeconds())));
        }
        return parts;
    }

    private Parts priority(PriorityWaitingDetails d, OfficeNames names, LiveFigures live) {
        Parts parts = new Parts(label("alert.PRIORITY_WAITING"), unit(names.queue(d.queueId()), "queue"));
        parts.detail(text("alertText.priority.ticket", "ticket", figure(d.ticketId()),
                "category", label("priority.category.", d.category())));
        if (d.waitSeconds() != null) {
            parts.detail(text("alertText.priority.waiting", "wait", display.clock(d.waitSeconds())));
        }
        if (d.bypasses() != null) {
            parts.detail(text("alertText.bypasses", "bypasses", d.bypasses()));
        }
        PriorityClientView client = d.ticketId() == null ? null : live.priorityClients().get(d.ticketId());
        if (client != null) {
            parts.current(text("alertText.priority.now", "wait", display.clock(client.waitSeconds())));
            if (!Objects.equals(d.bypasses(), client.bypasses())) {
                parts.current(text("alertText.bypasses", "bypasses", client.bypasses()));
            }
        }
        return parts;
    }

    private Parts callback(CallbackOverdueDetails d, OfficeNames names) {
        Parts parts = new Parts(label("alert.CALLBACK_OVERDUE"), unit(names.line(d.lineId()), "line"));
        parts.detail(label("callbacks.kind.", d.kind()));
        if (d.missedCalls() != null && d.missedCalls() > 0) {
            parts.detail(text("alertText.callback.missed", "missed", d.missedCalls()));
        }
        return parts.detail(due(d.dueAt()));
    }

    private Parts email(EmailOverdueDetails d, OfficeNames names) {
        Name place = d.mailboxId() != null ? unit(names.mailbox(d.mailboxId()), "mailbox")
                : unit(names.department(d.departmentId()), "department");
        Parts parts = new Parts(label("alert.EMAIL_OVERDUE"), place);
        if (d.receivedAt() != null) {
            parts.detail(text("alertText.email.received", "when", when(d.receivedAt())));
        }
        if (d.holdingReplies() != null && d.holdingReplies() > 0) {
            parts.detail(text("alertText.email.holdingReplies", "replies", d.holdingReplies()));
        }
        return parts.detail(due(d.dueAt()));
    }

    private Parts complaint(AlertView alert, ComplaintDeadlineDetails d, OfficeNames names) {
        String kind = "REQUEST".equals(d.kind()) ? "REQUEST" : "COMPLAINT";
        Parts parts = new Parts(text("alertText.title." + alert.type(), "kind", kind),
                unit(names.department(d.departmentId()), "department"));
        if (d.registerNumber() != null) {
            parts.detail(text("alertText.complaint.number", "number", d.registerNumber()));
        }
        if (d.extensions() != null && d.extensions() > 0) {
            parts.detail(text("alertText.complaint.extensions", "extensions", d.extensions()));
        }
        return parts.detail(due(d.dueAt()));
    }

    private Parts incident(IncidentDetails d, OfficeNames names) {
        boolean panic = Boolean.TRUE.equals(d.panic());
        Name place = d.deskId() != null ? unit(names.desk(d.deskId()), "desk")
                : d.location() != null ? new Name(d.location(), null) : unit(names.department(d.departmentId()), "department");
        Parts parts = new Parts(label(panic ? "incidents.panic" : "alert.INCIDENT"), place);
        if (d.level() != null && d.level() > 0) {
            parts.detail(text("alertText.incident.level", "level", d.level()));
        }
        if (d.escalation() != null) {
            parts.detail(label("incidents.escalation.", d.escalation()));
        }
        if (d.reraises() != null && d.reraises() > 0) {
            parts.detail(text("alertText.incident.reraises", "reraises", d.reraises()));
        }
        return parts;
    }

    private Parts hotspot(AlertView alert, HotspotDetails d, OfficeNames names) {
        Name place = "desk".equals(alert.subjectType()) ? unit(names.desk(alert.subjectId()), "desk")
                : unit(names.department(alert.subjectId()), "department");
        Parts parts = new Parts(label("alert.INCIDENT_HOTSPOT"), place);
        if (d.incidents() != null) {
            parts.detail(text("alertText.hotspot", "incidents", d.incidents(), "minutes", figure(d.windowMinutes())));
        }
        return parts;
    }

    /**
     * A unit by its directory name, its id on hover; one the directory does not name as its kind and id,
     * "desk D06", with nothing more to show on hover.
     */
    private Name unit(Name name, String kind) {
        if (name == null || name.hover() != null) {
            return name;
        }
        return new Name(text("alertText.unit." + kind, "id", name.id()), null);
    }

    /**
     * A deadline as it stands now: due today at a time, tomorrow, or on a date in so many days; overdue
     * since a time today, or since a date so many days ago. Never "overdue by 0 days".
     */
    public String due(Instant dueAt) {
        if (dueAt == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(today(), local(dueAt));
        if (!dueAt.isBefore(now)) {
            return days == 0 ? text("alertText.due.today", "time", format(dueAt, TIME))
                    : days == 1 ? text("alertText.due.tomorrow", "time", format(dueAt, TIME))
                    : text("alertText.due.later", "date", format(dueAt, DATE_TIME), "days", days);
        }
        return days == 0 ? text("alertText.overdue.today", "time", format(dueAt, TIME))
                : text("alertText.overdue.earlier", "date", format(dueAt, DATE_TIME), "days", -days);
    }

    /** A time of today as {@code 09:14}, of any other day with its date, {@code Fri 4 Dec 09:14}. */
    public String when(Instant instant) {
        if (instant == null) {
            return Display.NONE;
        }
        return format(instant, local(instant).equals(today()) ? TIME : DATE_TIME);
    }

    /** The message {@code key} (an ICU pattern) with one count {@code name}, e.g. "3 missed calls", plural by CLDR's rules. */
    public String count(String key, String name, long count) {
        return text(key, name, count);
    }

    private LocalDate today() {
        return local(now);
    }

    private LocalDate local(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private String format(Instant instant, String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, ULocale.forLocale(locale));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    /** The message {@code key} formatted with the named {@code arguments} (name, value, name, value…). */
    String text(String key, Object... arguments) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            named.put((String) arguments[i], arguments[i + 1] == null ? Display.NONE : arguments[i + 1]);
        }
        // a MessageFormat is not safe to share between threads, and the live panels render on several
        return new MessageFormat(messages.getString(key), ULocale.forLocale(locale)).format(named);
    }

    /** A plain message, e.g. a category's name; the last part of the key when there is none (a value newer than this page). */
    private String label(String prefix, String value) {
        return value == null ? Display.NONE : label(prefix + value);
    }

    private String label(String key) {
        try {
            return messages.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    private static String figure(Object value) {
        return value == null ? Display.NONE : value.toString();
    }

    /** The pieces of one alert's text, gathered in the order they are shown. */
    private static final class Parts {
        final String title;
        final Name place;
        final List<String> detail = new ArrayList<>();
        final List<String> current = new ArrayList<>();

        Parts(String title, Name place) {
            this.title = title;
            this.place = place;
        }

        Parts detail(String text) {
            if (text != null && !text.isBlank()) {
                detail.add(text);
            }
            return this;
        }

        Parts current(String text) {
            current.add(text);
            return this;
        }
    }
}
