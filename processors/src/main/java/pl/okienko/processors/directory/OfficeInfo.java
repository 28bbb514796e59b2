package pl.okienko.processors.directory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Mailbox;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Policy;
import pl.okienko.directory.Queue;
import pl.okienko.processors.deadlines.OfficeCalendar;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.policy.PolicyKeys;

/**
 * What the processors need of an office's directory entry: its time zone (for "today",
 * docs/standards.md#office-time), its calendar (hours, public holidays and days off: T3, C1, E3), queue names and
 * departments, and the effective policy of a queue. An office not yet in the directory gets the
 * defaults (Europe/Warsaw, Monday to Friday 08:00–16:00, Polish public holidays, no departments).
 */
public final class OfficeInfo {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Warsaw");

    private final String officeId;
    private final Office office;
    /** Built on first use: an event that counts no business time or deadline never needs it. */
    private OfficeCalendar calendar;
    /** Parsed on first use: the processors ask for it at most events, through a cached {@code OfficeInfo}. */
    private ZoneId zone;

    private OfficeInfo(String officeId, Office office) {
        this.officeId = officeId;
        this.office = office;
    }

    public static OfficeInfo lookup(ReadOnlyKeyValueStore<String, Office> offices, String officeId) {
        return new OfficeInfo(officeId, offices.get(officeId));
    }

    public static OfficeInfo of(String officeId, Office office) {
        return new OfficeInfo(officeId, office);
    }

    public boolean known() {
        return office != null;
    }

    public String name() {
        return office == null ? officeId : office.getName();
    }

    /** The office's time zone; the default for an office not in the directory or a zone id Java does not know. */
    public ZoneId zone() {
        if (zone == null) {
            zone = parseZone();
        }
        return zone;
    }

    private ZoneId parseZone() {
        try {
            return office == null ? DEFAULT_ZONE : ZoneId.of(office.getTimeZone());
        } catch (RuntimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** The office's working time: hours, the public holidays it keeps and its own days off. */
    public OfficeCalendar calendar() {
        if (calendar == null) {
            calendar = OfficeCalendar.of(office);
        }
        return calendar;
    }

    /** The office's queues; none for an office not in the directory. */
    public OfficeUnits<Queue> queues() {
        return new OfficeUnits<>(office == null ? List.of() : office.getQueues(), Queue::getQueueId,
                Queue::getDepartmentId, Queue::getName);
    }

    public String departmentName(String departmentId) {
        if (office == null || departmentId == null) {
            return departmentId;
        }
        return office.getDepartments().stream().filter(d -> d.getDepartmentId().equals(departmentId))
                .map(d -> d.getName()).findFirst().orElse(departmentId);
    }

    /** The thresholds in force for a queue: queue policy, then department, then office, then defaults. */
    public EffectivePolicy queuePolicy(ReadOnlyKeyValueStore<String, Policy> policies, String queueId) {
        return resolve(policies, PolicyKeys.queue(officeId, queueId), queues().departmentOf(queueId));
    }

    /** The office's phone lines; none for an office not in the directory. */
    public OfficeUnits<PhoneLine> phoneLines() {
        return new OfficeUnits<>(office == null ? List.of() : office.getPhoneLines(), PhoneLine::getLineId,
                PhoneLine::getDepartmentId, PhoneLine::getName);
    }

    /**
     * The thresholds in force for a phone line (T1–T4): line policy, then department, then office, then defaults;
     * the office's for a call on no line.
     */
    public EffectivePolicy linePolicy(ReadOnlyKeyValueStore<String, Policy> policies, String lineId) {
        return lineId == null ? resolve(policies, null, null)
                : resolve(policies, PolicyKeys.line(officeId, lineId), phoneLines().departmentOf(lineId));
    }

    /** The office's desks; none for an office not in the directory. */
    public OfficeUnits<Desk> desks() {
        return new OfficeUnits<>(office == null ? List.of() : office.getDesks(), Desk::getDeskId, Desk::getDepartmentId,
                Desk::getName);
    }

    /** The office's mailboxes; none for an office not in the directory. */
    public OfficeUnits<Mailbox> mailboxes() {
        return new OfficeUnits<>(office == null ? List.of() : office.getMailboxes(), Mailbox::getMailboxId,
                Mailbox::getDepartmentId, Mailbox::getName);
    }

    /** The thresholds in force for a mailbox (E1, E2): mailbox policy, then department, then office, then defaults. */
    public EffectivePolicy mailboxPolicy(ReadOnlyKeyValueStore<String, Policy> policies, String mailboxId) {
        return resolve(policies, PolicyKeys.mailbox(officeId, mailboxId), mailboxes().departmentOf(mailboxId));
    }

    /** The thresholds in force for a department (C1), or for the office when {@code departmentId} is null. */
    public EffectivePolicy departmentPolicy(ReadOnlyKeyValueStore<String, Policy> policies, String departmentId) {
        return resolve(policies, null, departmentId);
    }

    /**
     * The chain every unit's thresholds come from: the unit's own policy ({@code unitKey}, null for none), its
     * department's (null for none), the office's, then the built-in defaults.
     */
    private EffectivePolicy resolve(ReadOnlyKeyValueStore<String, Policy> policies, String unitKey,
            String departmentId) {
        List<Policy> chain = new ArrayList<>();
        if (unitKey != null) {
            chain.add(policies.get(unitKey));
        }
        if (departmentId != null) {
            chain.add(policies.get(PolicyKeys.department(officeId, departmentId)));
        }
        chain.add(policies.get(PolicyKeys.office(officeId)));
        return EffectivePolicy.resolve(chain);
    }
}
