package pl.okienko.processors.queues;

import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;

import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.stats.DurationSketch;

/**
 * The day counters of one queue (P1, P2, Q3, Q4, Q5): what the processor adds to as events come,
 * and what the views merge into departments and offices.
 */
public final class QueueDay {

    private final QueueDayCounters c;
    private final DurationSketch priorityWait;

    private QueueDay(QueueDayCounters counters) {
        this.c = counters;
        this.priorityWait = DurationSketch.fromState(counters.getPriorityWait());
    }

    public static QueueDay fromState(QueueDayCounters state) {
        return new QueueDay(state == null ? QueueDayCounters.newBuilder()
                .setPriorityWait(new DurationSketch().toState()).build() : state);
    }

    public static QueueDay empty() {
        return fromState(null);
    }

    public QueueDayCounters toState() {
        c.setPriorityWait(priorityWait.toState());
        return c;
    }

    /** A priority ticket's wait ended: called, or left while waiting. */
    public void priorityWaitEnded(String category, boolean offered, boolean accepted, boolean declined,
            boolean eligible, boolean served, long waitMillis, int bypasses, boolean fulfilled) {
        increment(c.getPriorityByCategory(), category, 1);
        c.setPriorityOffered(c.getPriorityOffered() + (offered ? 1 : 0));
        c.setPriorityAccepted(c.getPriorityAccepted() + (accepted ? 1 : 0));
        c.setPriorityDeclined(c.getPriorityDeclined() + (declined ? 1 : 0));
        if (!eligible) {
            return;
        }
        c.setPriorityEligible(c.getPriorityEligible() + 1);
        c.setPriorityFulfilled(c.getPriorityFulfilled() + (fulfilled ? 1 : 0));
        c.setPriorityWithBypasses(c.getPriorityWithBypasses() + (bypasses > 0 ? 1 : 0));
        c.setPriorityBypasses(c.getPriorityBypasses() + bypasses);
        if (served) {
            priorityWait.add(waitMillis);
        } else {
            c.setPriorityLeftWaiting(c.getPriorityLeftWaiting() + 1);
        }
    }

    public void regularCall(boolean outOfOrder) {
        c.setRegularCalls(c.getRegularCalls() + 1);
        if (outOfOrder) {
            lateOutOfOrder();
        }
    }

    /** A call already counted turned out to be out of order when an earlier ticket's issue arrived late. */
    public void lateOutOfOrder() {
        c.setOutOfOrderCalls(c.getOutOfOrderCalls() + 1);
    }

    /** A service ended; {@code priorityCategory} null for a regular client. */
    public void serviceEnded(ServiceOutcome outcome, String priorityCategory) {
        switch (outcome) {
            case RESOLVED -> c.setResolved(c.getResolved() + 1);
            case FOLLOW_UP -> c.setFollowUp(c.getFollowUp() + 1);
            case REDIRECTED -> c.setRedirected(c.getRedirected() + 1);
        }
        if (priorityCategory != null) {
            increment(c.getPriorityServedByCategory(), priorityCategory, 1);
            if (outcome == ServiceOutcome.RESOLVED) {
                increment(c.getPriorityResolvedByCategory(), priorityCategory, 1);
            }
        }
    }

    public void transferOut() {
        c.setTransfersOut(c.getTransfersOut() + 1);
    }

    /** A pause ended; {@code announcedMillis} null when the clerk announced no length. */
    public void pauseEnded(long pausedMillis, Long announcedMillis) {
        c.setPauses(c.getPauses() + 1);
        if (announcedMillis != null) {
            c.setPausesAnnounced(c.getPausesAnnounced() + 1);
            if (pausedMillis > announcedMillis) {
                c.setPausesOverrun(c.getPausesOverrun() + 1);
            }
        }
    }

    /**
     * Adds another queue's (or day's) counters to these: every count and count by category of the record, so a
     * counter added to the schema is merged too, and the priority wait sketch.
     */
    @SuppressWarnings("unchecked")
    public QueueDay merge(QueueDay other) {
        for (Schema.Field field : c.getSchema().getFields()) {
            Object mine = c.get(field.pos());
            Object theirs = other.c.get(field.pos());
            if (mine instanceof Long count) {
                c.put(field.pos(), count + (Long) theirs);
            } else if (mine instanceof Map<?, ?> byCategory) {
                ((Map<String, Long>) theirs).forEach((k, v) -> increment((Map<String, Long>) byCategory, k, v));
            }
        }
        priorityWait.merge(other.priorityWait);
        return this;
    }

    public ServiceDayView toView(String id, String name, String departmentId) {
        Map<String, Double> sameVisit = new TreeMap<>();
        c.getPriorityServedByCategory().forEach((category, served) -> sameVisit.put(category,
                rate(c.getPriorityResolvedByCategory().getOrDefault(category, 0L), served)));
        long ended = c.getResolved() + c.getFollowUp() + c.getRedirected();
        return new ServiceDayView(id, name, departmentId,
                new ServiceDayView.Priority(new TreeMap<>(c.getPriorityByCategory()), c.getPriorityOffered(),
                        c.getPriorityAccepted(), c.getPriorityDeclined(), c.getPriorityEligible(),
                        c.getPriorityFulfilled(), rate(c.getPriorityFulfilled(), c.getPriorityEligible()),
                        priorityWait.toStats(), c.getPriorityWithBypasses(), c.getPriorityBypasses(),
                        c.getPriorityLeftWaiting(), new TreeMap<>(c.getPriorityServedByCategory()), sameVisit),
                new ServiceDayView.CallOrder(c.getRegularCalls(), c.getOutOfOrderCalls(),
                        rate(c.getOutOfOrderCalls(), c.getRegularCalls())),
                new ServiceDayView.Outcomes(ended, c.getResolved(), c.getFollowUp(), c.getRedirected(),
                        rate(c.getResolved(), ended), rate(c.getFollowUp(), ended), rate(c.getRedirected(), ended),
                        c.getTransfersOut(), rate(c.getTransfersOut(), ended)),
                new ServiceDayView.Pauses(c.getPauses(), c.getPausesAnnounced(), c.getPausesOverrun(),
                        rate(c.getPausesOverrun(), c.getPausesAnnounced())));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static void increment(Map<String, Long> counts, String key, long by) {
        counts.merge(key, by, Long::sum);
    }
}
