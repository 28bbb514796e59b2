package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.correspondence.state.PendingExtension;
import pl.okienko.processors.deadlines.OfficeCalendar;

/**
 * The deadline of one entry of the register of complaints and requests (C1, E3), over its stored
 * state.
 *
 * <ul>
 * <li><b>Due</b>: the date the register gives, else one month after registration (KPA art. 237 §1,
 * art. 35): the day of the next month with the same number or that month's last day (art. 57 §3),
 * moved past Saturdays, Sundays and public holidays (art. 57 §4), to the end of that day in the
 * office's time zone.</li>
 * <li><b>Extension</b> (art. 36): a notified one sets the new date in force; one the party was not
 * told of is counted as such and leaves the deadline the party relies on unchanged. An extension
 * recorded after the deadline in force had passed does set the new date, but the item stays
 * breached: its answer counts as late.</li>
 * <li><b>Answered on time</b>: by the date in force and not breached.</li>
 * <li><b>Due soon</b> (COMPLAINT_DUE_SOON): from the start of the office-local day that lies the
 * policy's number of days (5) before the due day.</li>
 * </ul>
 */
public record ComplaintDeadline(ComplaintState state) implements CorrespondenceItem<ComplaintState> {

    public static ComplaintDeadline fresh(String complaintId) {
        return new ComplaintDeadline(ComplaintState.newBuilder().setComplaintId(complaintId)
                .setPendingExtensions(new ArrayList<>()).build());
    }


    /** The statutory default: one month after registration, KPA art. 57 §3–§4. */
    public static long defaultDue(OfficeCalendar calendar, long registeredAt) {
        return calendar.kpaDeadline(Instant.ofEpochMilli(registeredAt), 1).toEpochMilli();
    }

    /** The first registration wins; extensions that came before it apply now, in the order they were made. */
    public void registered(String kind, String registerNumber, String departmentId, long at, Long dueAt,
            OfficeCalendar calendar) {
        if (known()) {
            return;
        }
        long due = dueAt != null ? dueAt : defaultDue(calendar, at);
        state.setKind(kind);
        state.setRegisterNumber(registerNumber);
        state.setDepartmentId(departmentId);
        state.setRegisteredAt(at);
        state.setOriginalDueAt(due);
        state.setDueAt(due);
        List<PendingExtension> pending = new ArrayList<>(state.getPendingExtensions());
        pending.sort(Comparator.comparingLong(PendingExtension::getAt));
        state.setPendingExtensions(new ArrayList<>());
        pending.forEach(p -> extended(p.getAt(), p.getNewDueAt(), p.getNotified()));
    }

    public void extended(long at, long newDueAt, boolean notified) {
        if (!known()) {
            state.getPendingExtensions().add(new PendingExtension(at, newDueAt, notified));
            return;
        }
        if (state.getAnsweredAt() == null && at > state.getDueAt()) {
            state.setBreached(true);
        }
        state.setLastExtendedAt(at);
        if (notified) {
            state.setExtensionsWithNotice(state.getExtensionsWithNotice() + 1);
            state.setDueAt(newDueAt);
        } else {
            state.setExtensionsWithoutNotice(state.getExtensionsWithoutNotice() + 1);
        }
    }

    public void answered(long at) {
        if (state.getAnsweredAt() == null || at < state.getAnsweredAt()) {
            state.setAnsweredAt(at);
        }
    }

    @Override
    public boolean known() {
        return state.getRegisteredAt() != null;
    }

    @Override
    public boolean open() {
        return known() && state.getAnsweredAt() == null;
    }

    /** Registered. */
    @Override
    public long cameInAt() {
        return state.getRegisteredAt();
    }

    /** The deadline in force, or null while the registration is not known. */
    public Long dueAt() {
        return state.getDueAt();
    }

    /** Open and past the deadline in force (an answer at the very due millisecond is on time). */
    public boolean overdue(long now) {
        return open() && now > state.getDueAt();
    }

    /** When the due-soon warning starts: the start of the local day {@code days} before the due day. */
    public long dueSoonAt(ZoneId zone, int days) {
        return Instant.ofEpochMilli(state.getDueAt()).atZone(zone).toLocalDate().minusDays(days)
                .atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public boolean dueSoon(long now, ZoneId zone, int days) {
        return open() && !overdue(now) && now >= dueSoonAt(zone, days);
    }

    public Counts counts() {
        if (!known()) {
            return Counts.ZERO;
        }
        Long answered = state.getAnsweredAt();
        boolean onTime = answered != null && answered <= state.getDueAt() && !state.getBreached();
        boolean request = "REQUEST".equals(state.getKind());
        return new Counts(1, request ? 0 : 1, request ? 1 : 0, onTime ? 1 : 0, answered != null && !onTime ? 1 : 0,
                state.getExtensionsWithNotice() + state.getExtensionsWithoutNotice() > 0 ? 1 : 0,
                state.getExtensionsWithNotice(), state.getExtensionsWithoutNotice());
    }

    /**
     * The counters one item contributes to its registration day, named as those of {@code ComplaintDayState}
     * ({@link DayCounters}).
     */
    public record Counts(long registered, long complaints, long requests, long answeredOnTime, long answeredLate,
            long extended, long extensionsWithNotice, long extensionsWithoutNotice) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
