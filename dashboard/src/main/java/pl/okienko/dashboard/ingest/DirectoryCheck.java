package pl.okienko.dashboard.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Mailbox;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Policy;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;
import pl.okienko.schemas.Envelope;

/**
 * Checks a batch's events against the office directory before anything is written (issue 11):
 * an event for an office the directory does not hold is refused, and so is one naming a queue, desk,
 * phone line or mailbox its office does not list, unless the office's policy sets
 * {@code autoRegisterUnits} (then the unit is known by its id, as an unlisted one always was). Without
 * it a mistyped queue would open a queue card of its own and raise its own Q2 alerts. A kind of
 * unit the office lists none of is not checked: the directory says nothing about it. Incident events
 * are checked for their office only, so that a panic button at a desk missing from the directory still
 * reaches security (I1).
 *
 * <p>Each office of a batch is looked up once, so a batch of 100,000 lines costs a few directory
 * reads and one set look-up per unit named.
 */
public final class DirectoryCheck {

    /** Longest id quoted in a message; a longer one is cut, so that an answer stays small. */
    static final int QUOTED_ID_LIMIT = 64;

    /** What the check reads of the directory; each returns null when there is none. */
    public interface Directory {

        Office office(String officeId);

        /** The policy of the whole office (key {@code officeId}). */
        Policy officePolicy(String officeId);
    }

    enum Kind {
        QUEUE("queue", office -> ids(office.getQueues(), Queue::getQueueId)),
        DESK("desk", office -> ids(office.getDesks(), Desk::getDeskId)),
        LINE("phone line", office -> ids(office.getPhoneLines(), PhoneLine::getLineId)),
        MAILBOX("mailbox", office -> ids(office.getMailboxes(), Mailbox::getMailboxId));

        private final String label;
        private final Function<Office, Set<String>> listed;

        Kind(String label, Function<Office, Set<String>> listed) {
            this.label = label;
            this.listed = listed;
        }

        /** The unit of this kind with {@code id}; none where the event leaves it out (null). */
        Stream<Reference> named(String id) {
            return id == null ? Stream.empty() : Stream.of(new Reference(this, id));
        }
    }

    /** A unit an event names. */
    record Reference(Kind kind, String id) {
    }

    /** The units each type of event names, by its payload's class. */
    private static final Map<Class<?>, Function<SpecificRecord, Stream<Reference>>> NAMED_UNITS = Map.ofEntries(
            naming(TicketIssued.class, e -> Kind.QUEUE.named(e.getQueueId())),
            naming(TicketTransferred.class, e -> Kind.QUEUE.named(e.getToQueueId())),
            naming(TicketCalled.class, e -> Kind.DESK.named(e.getDeskId())),
            naming(ServiceStarted.class, e -> Kind.DESK.named(e.getDeskId())),
            naming(DeskOpened.class, e -> Stream.concat(Kind.DESK.named(e.getDeskId()),
                    e.getQueueIds().stream().flatMap(Kind.QUEUE::named))),
            naming(DeskClosed.class, e -> Kind.DESK.named(e.getDeskId())),
            naming(CallOffered.class, e -> Kind.LINE.named(e.getLineId())),
            naming(OutboundCall.class, e -> Kind.LINE.named(e.getLineId())),
            naming(EmailReceived.class, e -> Kind.MAILBOX.named(e.getMailboxId())));

    private final Directory directory;
    private final Map<String, Units> offices = new HashMap<>();

    private DirectoryCheck(Directory directory) {
        this.directory = directory;
    }

    /** One error per line whose event the directory does not allow, in line order; empty when all are allowed. */
    public static List<EventBatch.LineError> problems(EventBatch batch, Directory directory) {
        DirectoryCheck check = new DirectoryCheck(directory);
        List<EventBatch.LineError> errors = new ArrayList<>();
        for (EventBatch.Line line : batch.events()) {
            String problem = check.problem(line.event());
            if (problem != null) {
                errors.add(new EventBatch.LineError(line.line(), problem));
            }
        }
        return errors;
    }

    private String problem(SpecificRecord event) {
        String officeId = Envelope.officeId(event);
        Units units = offices.computeIfAbsent(officeId, this::load);
        if (!units.known()) {
            return "office " + quote(officeId) + " is not in the directory: an administrator registers it first "
                    + "(PUT /api/v1/admin/offices/" + quote(officeId) + ")";
        }
        if (units.autoRegister()) {
            return null;
        }
        List<String> unknown = new ArrayList<>();
        for (Reference reference : references(event)) {
            Set<String> listed = units.listed().get(reference.kind());
            if (!listed.isEmpty() && !listed.contains(reference.id())) {
                unknown.add(reference.kind().label + " " + quote(reference.id()));
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " not in the directory of office "
                + quote(officeId) + ": register " + (unknown.size() == 1 ? "it" : "them")
                + ", or set autoRegisterUnits in the office's policy";
    }

    private Units load(String officeId) {
        Office office = directory.office(officeId);
        if (office == null) {
            return Units.UNKNOWN;
        }
        Policy policy = directory.officePolicy(officeId);
        boolean autoRegister = policy != null && Boolean.TRUE.equals(policy.getAutoRegisterUnits());
        Map<Kind, Set<String>> listed = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            listed.put(kind, kind.listed.apply(office));
        }
        return new Units(true, autoRegister, listed);
    }

    /** The queues, desks, phone lines and mailboxes an event names; none for incident, complaint and survey events. */
    static List<Reference> references(SpecificRecord event) {
        SpecificRecord payload = Envelope.payload(event);
        return NAMED_UNITS.getOrDefault(payload.getClass(), none -> Stream.empty()).apply(payload).toList();
    }

    private static <T extends SpecificRecord> Map.Entry<Class<?>, Function<SpecificRecord, Stream<Reference>>> naming(
            Class<T> type, Function<T, Stream<Reference>> units) {
        return Map.entry(type, payload -> units.apply(type.cast(payload)));
    }

    private static String quote(String id) {
        return id.length() <= QUOTED_ID_LIMIT ? id : id.substring(0, QUOTED_ID_LIMIT) + "…";
    }

    private static <T> Set<String> ids(List<T> units, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        units.forEach(unit -> ids.add(id.apply(unit)));
        return ids;
    }

    private record Units(boolean known, boolean autoRegister, Map<Kind, Set<String>> listed) {
        static final Units UNKNOWN = new Units(false, false, Map.of());
    }
}
