package pl.okienko.processors.queues;

import java.time.Duration;

import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.processors.queues.state.TicketState;

/**
 * Rule P1: who is a priority client, when a priority wait is fulfilled, and when a supervisor
 * must be warned. A client who declined priority waits as a regular client (and is offered a
 * seat, which no event shows).
 */
public final class PriorityRules {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";

    private PriorityRules() {
    }

    /** Has a priority category (elderly, disabled, pregnant, small child, other). */
    public static boolean hasPriorityCategory(TicketState ticket) {
        return ticket.getPriorityCategory() != null
                && !PriorityCategory.NONE.name().equals(ticket.getPriorityCategory());
    }

    /** Waits in the normal order: no priority category, or priority declined. */
    public static boolean isRegular(TicketState ticket) {
        return !hasPriorityCategory(ticket) || DECLINED.equals(ticket.getPriorityAnswer());
    }

    /** Fulfilled: served with no regular client called past it and within the target wait. */
    public static boolean fulfilled(long waitMillis, int bypasses, Duration target) {
        return bypasses == 0 && waitMillis <= target.toMillis();
    }

    /**
     * The first instant at which a client waiting since {@code sinceMillis} has waited longer than the
     * target. PRIORITY_WAITING is due from then, or from the first bypass; a replay stamps it with this
     * instant.
     */
    public static long targetPassedAt(long sinceMillis, Duration target) {
        return sinceMillis + target.toMillis() + 1;
    }
}
