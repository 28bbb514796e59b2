package pl.okienko.processors.correspondence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Policy;
import pl.okienko.events.complaint.ComplaintAnswered;
import pl.okienko.events.complaint.ComplaintExtended;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.ComplaintDeadlineDetails;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.schemas.Rule;

/**
 * Keeps the register of complaints and requests with each item's KPA deadline
 * ({@link ComplaintDeadline}, C1, E3), adds what each item contributes to the counters of its
 * registration day (per department), and on the wall clock raises COMPLAINT_DUE_SOON when the
 * warning period starts and COMPLAINT_OVERDUE when the deadline passes unanswered, with no further
 * event needed. An answer clears both; a notified extension clears what is no longer true. When a
 * policy's warning period changes (or changed while the application was down), the open items'
 * warnings are rescheduled: a warning is neither lost nor late because of an edit.
 */
final class ComplaintProcessor extends CorrespondenceProcessor<ComplaintState, ComplaintDayState, ComplaintDeadline> {

    static final String SOON = "soon:";
    static final String DUE = "due:";
    /** How often the policies are compared with those last seen; policy edits are rare and take effect this soon. */
    static final Duration POLICY_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** Each policy record's warning days as last seen; null before the first check after a start. */
    private Map<String, Integer> seenDueSoonDays;

    ComplaintProcessor(CorrespondenceConfig config) {
        super(config, new Kind<>(ComplaintStore.REGISTER, ComplaintStore.STATS_BY_DAY, ComplaintStore.DEADLINES,
                ComplaintStore.SEEN_EVENTS, "complaintId", ComplaintDeadline::fresh, ComplaintDeadline::new,
                ComplaintState::getTouchedAt, ComplaintState::setTouchedAt));
    }

    @Override
    protected void open() {
        super.open();
        intake.every(POLICY_CHECK_INTERVAL, this::followPolicyChanges);
    }

    @Override
    protected void change(String officeId, ComplaintDeadline item, SpecificRecord payload, long at) {
        ComplaintDeadline.Counts before = item.counts();

        if (payload instanceof ComplaintRegistered registered) {
            Instant due = registered.getDueAt();
            item.registered(registered.getKind().name(), registered.getRegisterNumber(), registered.getDepartmentId(),
                    at, due == null ? null : due.toEpochMilli(), office(officeId).calendar());
        } else if (payload instanceof ComplaintExtended extended) {
            item.extended(at, extended.getNewDueAt().toEpochMilli(), extended.getNotified());
        } else if (payload instanceof ComplaintAnswered) {
            item.answered(at);
        }

        if (item.known()) {
            String departmentId = item.state().getDepartmentId();
            changeDay(officeId, item, departmentId == null ? "" : departmentId,
                    () -> ComplaintDayState.newBuilder().build(),
                    day -> DayCounters.applyChange(day, before, item.counts()));
        }
    }

    @Override
    protected void reschedule(String officeId, ComplaintDeadline item, long now) {
        ComplaintState s = item.state();
        String id = s.getComplaintId();
        OfficeInfo office = office(officeId);
        int soonDays = dueSoonDays(office, s);
        Long wantedDue = item.open() ? item.dueAt() + 1 : null;
        Long wantedSoon = item.open() ? item.dueSoonAt(office.zone(), soonDays) : null;
        if (!Objects.equals(wantedDue, s.getScheduledDueAt())) {
            deadlines.move(s.getScheduledDueAt(), wantedDue, officeId, DUE + id);
            s.setScheduledDueAt(wantedDue);
        }
        if (!Objects.equals(wantedSoon, s.getScheduledDueSoonAt())) {
            deadlines.move(s.getScheduledDueSoonAt(), wantedSoon, officeId, SOON + id);
            s.setScheduledDueSoonAt(wantedSoon);
        }
        if (s.getDueSoonAlertId() != null && !item.dueSoon(now, office.zone(), soonDays)) {
            clear(officeId, item, AlertType.COMPLAINT_DUE_SOON, now);
        }
        if (s.getOverdueAlertId() != null && !item.overdue(now)) {
            clear(officeId, item, AlertType.COMPLAINT_OVERDUE, now);
        }
    }

    @Override
    protected void raiseDue(long now) {
        for (DeadlineIndex.Due due : deadlines.takeDue(now)) {
            boolean soon = due.itemId().startsWith(SOON);
            String complaintId = due.itemId().substring(soon ? SOON.length() : DUE.length());
            String key = Keys.of(due.officeId(), complaintId);
            ComplaintState s = items.get(key);
            if (s == null) {
                continue;
            }
            ComplaintDeadline item = new ComplaintDeadline(s);
            boolean recent = item.known() && item.dueAt() >= now - config.alertHorizon().toMillis();
            if (soon && Objects.equals(s.getScheduledDueSoonAt(), due.dueAtMillis())) {
                s.setScheduledDueSoonAt(null);
                OfficeInfo office = office(due.officeId());
                if (recent && s.getDueSoonAlertId() == null && item.dueSoon(now, office.zone(), dueSoonDays(office, s))) {
                    raise(due.officeId(), item, AlertType.COMPLAINT_DUE_SOON, now);
                }
                items.put(key, s);
            } else if (!soon && Objects.equals(s.getScheduledDueAt(), due.dueAtMillis())) {
                s.setScheduledDueAt(null);
                if (item.overdue(now)) {
                    // Overdue supersedes the warning.
                    if (s.getDueSoonAlertId() != null) {
                        clear(due.officeId(), item, AlertType.COMPLAINT_DUE_SOON, now);
                    }
                    if (recent && s.getOverdueAlertId() == null) {
                        raise(due.officeId(), item, AlertType.COMPLAINT_OVERDUE, now);
                    }
                }
                items.put(key, s);
            }
        }
    }

    /** The policies live in a global store, whose updates do not pass through this processor: compare them. */
    private void followPolicyChanges(long now) {
        Map<String, Integer> current = new HashMap<>();
        try (KeyValueIterator<String, Policy> it = intake.policies().all()) {
            it.forEachRemaining(kv -> current.put(kv.key, kv.value.getComplaintDueSoonDays()));
        }
        if (current.equals(seenDueSoonDays)) {
            return;
        }
        Set<String> changedOffices = seenDueSoonDays == null ? null : changedOffices(seenDueSoonDays, current);
        seenDueSoonDays = current;
        List<KeyValue<String, ComplaintState>> open = new ArrayList<>();
        Consumer<KeyValue<String, ComplaintState>> keepOpen = kv -> {
            if (new ComplaintDeadline(kv.value).open()) {
                open.add(kv);
            }
        };
        if (changedOffices == null) {
            // The first check after a start: a policy may have changed while the application was down.
            try (KeyValueIterator<String, ComplaintState> it = items.store().all()) {
                it.forEachRemaining(keepOpen);
            }
        } else {
            for (String officeId : changedOffices) {
                Keys.scan(items.store(), Keys.officePrefix(officeId),
                        (key, item) -> keepOpen.accept(KeyValue.pair(key, item)));
            }
        }
        for (KeyValue<String, ComplaintState> kv : open) {
            // the cached value: the one the stores will be given
            ComplaintState cached = items.get(kv.key);
            ComplaintState before = ComplaintState.newBuilder(cached).build();
            ComplaintDeadline item = new ComplaintDeadline(cached);
            reschedule(Keys.part(kv.key, 0), item, now);
            if (!item.state().equals(before)) {
                items.put(kv.key, item.state());
            }
        }
        raiseDue(now);  // a warning whose new start has already passed is raised now, not at the next check
    }

    /** The offices whose policies (office, department or narrower; keys start with the officeId) changed. */
    static Set<String> changedOffices(Map<String, Integer> before, Map<String, Integer> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<String> offices = new TreeSet<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key)) || before.containsKey(key) != after.containsKey(key)) {
                offices.add(key.split("/", 2)[0]);
            }
        }
        return offices;
    }

    /** Raises the item's COMPLAINT_DUE_SOON or COMPLAINT_OVERDUE now; its id and time are kept in the item. */
    private void raise(String officeId, ComplaintDeadline item, AlertType type, long now) {
        ComplaintState s = item.state();
        String alertId = AlertFactory.id(type, officeId, "complaint", s.getComplaintId(), now);
        if (type == AlertType.COMPLAINT_DUE_SOON) {
            s.setDueSoonAlertId(alertId);
            s.setDueSoonRaisedAt(now);
        } else {
            s.setOverdueAlertId(alertId);
            s.setOverdueRaisedAt(now);
        }
        emit(officeId, item, type, alertId, now, AlertState.RAISED, now);
    }

    /** Clears the item's raised COMPLAINT_DUE_SOON or COMPLAINT_OVERDUE. */
    private void clear(String officeId, ComplaintDeadline item, AlertType type, long now) {
        ComplaintState s = item.state();
        boolean soon = type == AlertType.COMPLAINT_DUE_SOON;
        emit(officeId, item, type, soon ? s.getDueSoonAlertId() : s.getOverdueAlertId(),
                soon ? s.getDueSoonRaisedAt() : s.getOverdueRaisedAt(), AlertState.CLEARED, now);
        if (soon) {
            s.setDueSoonAlertId(null);
            s.setDueSoonRaisedAt(null);
        } else {
            s.setOverdueAlertId(null);
            s.setOverdueRaisedAt(null);
        }
    }

    private void emit(String officeId, ComplaintDeadline item, AlertType type, String alertId, long raisedAt,
            AlertState state, long now) {
        ComplaintState s = item.state();
        String due = Instant.ofEpochMilli(item.dueAt()).toString();
        String what = ("REQUEST".equals(s.getKind()) ? "Request " : "Complaint ") + s.getRegisterNumber();
        String message;
        if (state == AlertState.CLEARED) {
            message = what + ": " + (type == AlertType.COMPLAINT_OVERDUE ? "no longer overdue" : "no longer due soon");
        } else if (type == AlertType.COMPLAINT_OVERDUE) {
            message = what + " has no answer; it was due " + due;
        } else {
            message = what + " is due " + due;
        }
        ComplaintDeadlineDetails details = new ComplaintDeadlineDetails(s.getComplaintId(), s.getRegisterNumber(),
                s.getKind(), s.getDepartmentId(), Instant.ofEpochMilli(s.getRegisteredAt()),
                Instant.ofEpochMilli(item.dueAt()), s.getExtensionsWithNotice() + s.getExtensionsWithoutNotice());
        intake.emit(AlertFactory.step(alertId, type, Rule.C1, state, officeId, "complaint",
                s.getComplaintId(), raisedAt, now, message, details));
    }

    private int dueSoonDays(OfficeInfo office, ComplaintState s) {
        return office.departmentPolicy(intake.policies(), s.getDepartmentId()).complaintDueSoonDays();
    }
}
