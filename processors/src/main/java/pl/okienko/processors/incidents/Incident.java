package pl.okienko.processors.incidents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import pl.okienko.alerts.AlertState;
import pl.okienko.processors.incidents.state.IncidentState;

/**
 * The state machine of one incident and its INCIDENT alert (rule I1): reported (level 1 verbal,
 * 2 repeated or abusive, 3 threat, 4 violence) or panic button → escalated (supervisor, security,
 * police) → acknowledged (by whom) → resolved (outcome).
 *
 * <p>Events may arrive in any order and more than once: every field only moves forward (the
 * highest level, the highest rung, the earliest report, the first acknowledgement), so applying the
 * same events in another order ends in the same state. The alert is raised at once when the
 * incident is level 3 or more, a panic button, or escalated to security; if nobody acknowledges it
 * within the policy's time it is raised again and climbs one rung, on the wall clock.
 */
public final class Incident {

    /** One step of the alert's lifecycle to publish on okienko.alerts. */
    public record Step(AlertState state, long at) {
    }

    private final IncidentState s;
    /** Something the alert shows changed since the last step (level, rung, panic, place). */
    private boolean changed;

    private Incident(IncidentState state) {
        this.s = state;
    }

    public static Incident of(IncidentState state) {
        return new Incident(state);
    }

    public static Incident fresh(String incidentId) {
        return new Incident(IncidentState.newBuilder().setIncidentId(incidentId).build());
    }

    public IncidentState state() {
        return s;
    }

    public void reported(int level, String deskId, String departmentId, String channel, long at) {
        earliestReport(at);
        if (level > s.getLevel()) {
            s.setLevel(level);
            changed = true;
        }
        if (level >= 3) {
            // A threat means the clerk has called the supervisor, the ladder's first rung.
            raiseRung(Rung.SUPERVISOR);
        }
        place(deskId, departmentId, null);
        if (s.getChannel() == null) {
            s.setChannel(channel);
        }
    }

    /** A panic button always alerts security at once; pressing it again changes nothing. */
    public void panic(String deskId, String location, long at) {
        earliestReport(at);
        if (!s.getPanic()) {
            s.setPanic(true);
            changed = true;
        }
        raiseRung(Rung.SECURITY);
        place(deskId, null, location);
    }

    /**
     * An escalation event; one to the police also records that the police were called, at the
     * earliest such event and by whom it names (the console's "police notified" step).
     */
    public void escalated(Rung to, String by, long at) {
        raiseRung(to);
        if (to == Rung.POLICE && (s.getPoliceNotifiedAt() == null || at < s.getPoliceNotifiedAt())) {
            s.setPoliceNotifiedAt(at);
            s.setPoliceNotifiedBy(by);
        }
    }

    /** @return false when someone else acknowledged first: the first acknowledgement stands */
    public boolean acknowledged(String by, long at) {
        if (s.getAcknowledgedBy() != null) {
            return false;
        }
        s.setAcknowledgedBy(by);
        s.setAcknowledgedAt(at);
        return true;
    }

    /** The earliest resolution stands, with its outcome, who resolved it and its note. */
    public void resolved(String outcome, String by, String note, long at) {
        if (s.getResolvedAt() == null || at < s.getResolvedAt()) {
            s.setResolvedAt(at);
            s.setOutcome(outcome);
            s.setResolvedBy(by);
            s.setNote(note);
        }
    }

    /** Level 3 or more, a panic button, or escalated to security: the security console must hear of it. */
    public boolean alerting() {
        return s.getLevel() >= 3 || s.getPanic() || rung().ordinal() >= Rung.SECURITY.ordinal();
    }

    public Rung rung() {
        return Rung.parse(s.getEscalation());
    }

    public boolean resolved() {
        return s.getResolvedAt() != null;
    }

    /**
     * The alert steps the events applied so far call for, taken at wall-clock time {@code now}; also
     * starts or stops the acknowledgement timer.
     */
    public List<Step> settle(long now, Duration ackWithin) {
        List<Step> steps = new ArrayList<>();
        String current = s.getAlertState();
        if (current == null) {
            // An incident already over when first heard of needs nobody to come.
            if (alerting() && !resolved()) {
                s.setAlertRaisedAt(now);
                steps.add(step(AlertState.RAISED, now));
                if (s.getAcknowledgedBy() != null) {
                    steps.add(step(AlertState.ACKNOWLEDGED, now));
                } else {
                    s.setAckDueAt(now + ackWithin.toMillis());
                }
            }
        } else if (!AlertState.CLEARED.name().equals(current)) {
            if (resolved()) {
                steps.add(step(AlertState.CLEARED, now));
            } else if (s.getAcknowledgedBy() != null && !AlertState.ACKNOWLEDGED.name().equals(current)) {
                steps.add(step(AlertState.ACKNOWLEDGED, now));
            } else if (changed) {
                // Same state, new facts (e.g. level 3 became 4): the console shows them at once.
                steps.add(step(AlertState.valueOf(current), now));
            }
        }
        changed = false;
        return steps;
    }

    /**
     * The acknowledgement timer: when the deadline has passed with no acknowledgement, the alert is
     * raised again and climbs one rung, and the next deadline is one period later.
     */
    public Optional<Step> checkTimer(long now, Duration ackWithin) {
        Long due = s.getAckDueAt();
        String current = s.getAlertState();
        boolean waiting = AlertState.RAISED.name().equals(current) || AlertState.RERAISED.name().equals(current);
        if (!waiting || due == null || due > now) {
            return Optional.empty();
        }
        raiseRung(rung().next());
        s.setReraises(s.getReraises() + 1);
        // Keep the cadence of the first deadline; after a long stop, count from now instead of firing in a burst.
        long next = due + ackWithin.toMillis();
        s.setAckDueAt(next > now ? next : now + ackWithin.toMillis());
        changed = false;
        return Optional.of(step(AlertState.RERAISED, now));
    }

    private Step step(AlertState state, long at) {
        s.setAlertState(state.name());
        if (state != AlertState.RAISED && state != AlertState.RERAISED) {
            s.setAckDueAt(null);
        }
        return new Step(state, at);
    }

    private void earliestReport(long at) {
        if (s.getReportedAt() == null || at < s.getReportedAt()) {
            s.setReportedAt(at);
        }
    }

    private void raiseRung(Rung to) {
        Rung now = rung();
        Rung next = now.atLeast(to);
        if (next != now) {
            s.setEscalation(next.name());
            changed = true;
        }
        if (next == Rung.POLICE) {
            s.setPolice(true);
        }
    }

    private void place(String deskId, String departmentId, String location) {
        if (s.getDeskId() == null && deskId != null) {
            s.setDeskId(deskId);
            changed = true;
        }
        if (s.getDepartmentId() == null && departmentId != null) {
            s.setDepartmentId(departmentId);
        }
        if (s.getLocation() == null && location != null) {
            s.setLocation(location);
            changed = true;
        }
    }
}
