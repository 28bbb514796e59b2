package pl.okienko.simulator.correspondence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Department;
import pl.okienko.directory.Mailbox;
import pl.okienko.directory.Office;
import pl.okienko.events.complaint.ComplaintAnswered;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.complaint.ComplaintExtended;
import pl.okienko.events.complaint.ComplaintKind;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.events.email.EmailCloseReason;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.events.email.ReadReceiptSent;

/**
 * Mailbox and register traffic of one office (E1, E2, C1): e-mails to each of its mailboxes with
 * a Monday peak and quiet weekends, mostly answered within hours, some with a read receipt, some
 * with a holding reply that names a date (usually kept, sometimes not), a few answered late and a
 * few closed as spam; and a trickle of complaints and requests, most answered within the month,
 * some extended (usually with notice), a few late.
 *
 * <p>Each item's whole life is generated at its arrival, so its later events may fall after the
 * period. Events are time-ordered; sender addresses are synthetic and must still be pseudonymised
 * before they are written (the ingestion API does it; {@code DemoTraffic} does it itself). The same
 * arguments always give the same events, ids included.
 */
public final class CorrespondenceTraffic {

    private static final String SOURCE_MAIL = "sim-mail";
    private static final String SOURCE_REGISTER = "sim-register";
    /** Arrivals per mailbox by weekday, Monday first. */
    private static final int[] ARRIVALS = {9, 7, 7, 6, 5, 1, 1};

    private final Office office;
    private final ZoneId zone;
    private final SplittableRandom random;
    private final String label;
    private final List<SpecificRecord> events = new ArrayList<>();
    private int sequence;

    private CorrespondenceTraffic(Office office, long seed, String label) {
        this.office = Objects.requireNonNull(office, "office");
        this.zone = ZoneId.of(office.getTimeZone());
        this.random = new SplittableRandom(seed);
        this.label = label;
    }

    /** Every day from {@code from} to {@code to} (exclusive), arrivals by office-local day. */
    public static List<SpecificRecord> history(Office office, LocalDate from, LocalDate to, long seed) {
        CorrespondenceTraffic traffic = new CorrespondenceTraffic(office, seed, from.toString());
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            traffic.day(day);
        }
        return traffic.sorted();
    }

    /**
     * The demo, every event within [{@code start − 27 days}, {@code start + length}], so a
     * demo day leaves nothing open behind it: e-mails of the last day and of the demo day, all answered
     * by its end (a few with a read receipt or a holding reply); one e-mail whose 24 h pass at
     * {@code start} + 3 min, answered at + 40 min; a complaint due in three days (due soon at once)
     * answered at + 50 min, and a request whose date passes at + 10 min, answered at + 45 min. So
     * EMAIL_OVERDUE, COMPLAINT_DUE_SOON and COMPLAINT_OVERDUE show up live and clear again.
     */
    public static List<SpecificRecord> demo(Office office, Instant start, Duration length, long seed, String label) {
        CorrespondenceTraffic traffic = new CorrespondenceTraffic(office, seed, label);
        long minutes = Math.max(2, length.toMinutes());
        Instant end = start.plus(Duration.ofMinutes(minutes));
        for (Mailbox mailbox : office.getMailboxes()) {
            for (int i = 0; i < 10; i++) {
                Instant received = i < 6 ? start.minus(Duration.ofMinutes(traffic.between(60, 23 * 60)))
                        : start.plus(Duration.ofMinutes(traffic.between(0, minutes / 2)));
                traffic.demoEmail(mailbox.getMailboxId(), received, end);
            }
        }
        if (!office.getMailboxes().isEmpty()) {
            String mailboxId = office.getMailboxes().get(0).getMailboxId();
            String messageId = traffic.id("m");
            traffic.mail(start.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(3)),
                    new EmailReceived(messageId, mailboxId, traffic.sender(), false, null));
            traffic.mail(start.plus(Duration.ofMinutes(40)), new EmailReplied(messageId));
        }
        String department = office.getDepartments().isEmpty() ? null : office.getDepartments().get(0).getDepartmentId();
        String soon = traffic.id("k");
        traffic.register(start.minus(Duration.ofDays(27)), new ComplaintRegistered(soon, ComplaintKind.COMPLAINT,
                "SKW.1510." + soon, department, start.plus(Duration.ofDays(3))));
        traffic.register(start.plus(Duration.ofMinutes(50)), new ComplaintAnswered(soon));
        String late = traffic.id("k");
        traffic.register(start.minus(Duration.ofDays(20)), new ComplaintRegistered(late, ComplaintKind.REQUEST,
                "WNS.1520." + late, department, start.plus(Duration.ofMinutes(10))));
        traffic.register(start.plus(Duration.ofMinutes(45)), new ComplaintAnswered(late));
        return traffic.sorted();
    }

    /** An e-mail answered before {@code end}: read receipt now and then, a holding reply sometimes. */
    private void demoEmail(String mailboxId, Instant received, Instant end) {
        String messageId = id("m");
        boolean readReceipt = random.nextDouble() < 0.3;
        mail(received, new EmailReceived(messageId, mailboxId, sender(), readReceipt, null));
        long left = Math.max(2, Duration.between(received, end).toMinutes());
        if (readReceipt) {
            mail(received.plus(Duration.ofMinutes(Math.min(left - 1, between(1, 15)))), new ReadReceiptSent(messageId));
        }
        Instant reply = received.plus(Duration.ofMinutes(between(1, left)));
        if (random.nextDouble() < 0.2 && Duration.between(received, reply).toMinutes() > 2) {
            mail(received.plus(Duration.ofMinutes(1)), new HoldingReplySent(messageId, end.plus(Duration.ofDays(2))));
        }
        mail(reply, new EmailReplied(messageId));
    }

    private void day(LocalDate day) {
        int weekday = day.getDayOfWeek().getValue() - 1;
        for (Mailbox mailbox : office.getMailboxes()) {
            int count = Math.max(0, ARRIVALS[weekday] + between(-2, 3));
            for (int i = 0; i < count; i++) {
                email(mailbox.getMailboxId(), arrival(day));
            }
        }
        boolean workday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (workday && random.nextDouble() < 0.35) {
            complaint(day.atTime(LocalTime.of(between(9, 15), between(0, 60))).atZone(zone).toInstant());
        }
    }

    /** Weekdays mostly in office hours with a morning peak; weekends a few at any daytime hour. */
    private Instant arrival(LocalDate day) {
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        int minute;
        if (weekend) {
            minute = between(9 * 60, 21 * 60);
        } else if (random.nextDouble() < 0.4) {
            minute = between(8 * 60, 11 * 60);
        } else {
            minute = between(7 * 60, 19 * 60);
        }
        return day.atStartOfDay(zone).plusMinutes(minute).plusSeconds(between(0, 60)).toInstant();
    }

    private void email(String mailboxId, Instant received) {
        String messageId = id("m");
        boolean readReceipt = random.nextDouble() < 0.25;
        mail(received, new EmailReceived(messageId, mailboxId, sender(), readReceipt, null));
        if (readReceipt) {
            long minutes = random.nextDouble() < 0.85 ? between(1, 10) : between(11, 90);
            mail(received.plus(Duration.ofMinutes(minutes)).plusSeconds(between(0, 60)), new ReadReceiptSent(messageId));
        }
        double outcome = random.nextDouble();
        if (outcome < 0.05) {
            mail(received.plus(Duration.ofMinutes(between(10, 120))),
                    new EmailClosed(messageId, random.nextDouble() < 0.7 ? EmailCloseReason.SPAM : EmailCloseReason.DUPLICATE));
        } else if (outcome < 0.17) {
            Instant holding = received.plus(Duration.ofMinutes(between(60, 20 * 60)));
            Instant promised = received.atZone(zone).toLocalDate().plusDays(between(3, 11)).atTime(15, 0)
                    .atZone(zone).toInstant();
            mail(holding, new HoldingReplySent(messageId, promised));
            if (random.nextDouble() < 0.85) {
                Instant reply = promised.minus(Duration.ofHours(between(1, 48)));
                mail(reply.isAfter(holding) ? reply : holding.plusSeconds(60), new EmailReplied(messageId));
            } else {
                mail(promised.plus(Duration.ofHours(between(1, 48))), new EmailReplied(messageId));
            }
        } else if (outcome < 0.25) {
            mail(received.plus(Duration.ofMinutes(between(25 * 60, 60 * 60))), new EmailReplied(messageId));
        } else {
            mail(received.plus(Duration.ofMinutes(between(30, 22 * 60))), new EmailReplied(messageId));
        }
    }

    private void complaint(Instant registered) {
        String complaintId = id("k");
        boolean request = random.nextDouble() < 0.3;
        List<Department> departments = office.getDepartments();
        String department = departments.isEmpty() || random.nextDouble() < 0.2 ? null
                : departments.get(random.nextInt(departments.size())).getDepartmentId();
        register(registered, new ComplaintRegistered(complaintId, request ? ComplaintKind.REQUEST : ComplaintKind.COMPLAINT,
                (request ? "WNS.1520." : "SKW.1510.") + complaintId, department, null));
        // The statutory month is about 30 days; answers are generated relative to that.
        Instant month = registered.plus(Duration.ofDays(28));
        double outcome = random.nextDouble();
        if (outcome < 0.15) {
            Instant extendedAt = registered.plus(Duration.ofDays(between(18, 26)));
            Instant newDue = registered.plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.DAYS);
            register(extendedAt, new ComplaintExtended(complaintId, newDue, "opinia innego organu",
                    random.nextDouble() < 0.8));
            register(registered.plus(Duration.ofDays(between(35, 58))), new ComplaintAnswered(complaintId));
        } else if (outcome < 0.25) {
            register(month.plus(Duration.ofDays(between(5, 15))), new ComplaintAnswered(complaintId));
        } else {
            register(registered.plus(Duration.ofDays(between(3, 26))).plus(Duration.ofMinutes(between(0, 480))),
                    new ComplaintAnswered(complaintId));
        }
    }

    private void mail(Instant at, Object payload) {
        events.add(new EmailEvent(eventId(), office.getOfficeId(), at, SOURCE_MAIL, payload));
    }

    private void register(Instant at, Object payload) {
        events.add(new ComplaintEvent(eventId(), office.getOfficeId(), at, SOURCE_REGISTER, payload));
    }

    private String id(String prefix) {
        return prefix + "-" + label + "-" + (++sequence);
    }

    private String eventId() {
        return "sim-" + office.getOfficeId() + "-" + label + "-e" + (++sequence);
    }

    private String sender() {
        return "klient" + random.nextInt(100_000) + "@example.invalid";
    }

    /** Uniform in [from, to). */
    private int between(int from, int to) {
        return from + random.nextInt(to - from);
    }

    private long between(long from, long to) {
        return from + random.nextLong(to - from);
    }

    private List<SpecificRecord> sorted() {
        events.sort(Comparator.comparing(CorrespondenceTraffic::occurredAt));
        return List.copyOf(events);
    }

    private static Instant occurredAt(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
    }
}
