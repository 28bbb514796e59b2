package pl.okienko.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.PriorityOffered;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.events.queue.ServicePaused;
import pl.okienko.events.queue.ServiceResumed;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;

/**
 * The discrete-event simulation behind {@link OfficeDay}: one office, one day, one random stream.
 * Every event is emitted at the simulation clock's current time, so the output is in time order by
 * construction. Not thread-safe; used once.
 */
final class DaySimulation {

    static final String TICKET_MACHINE = "sim-ticket-machine";
    static final String DESK_TERMINAL = "sim-desk-terminal";

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    /** Share of clients with a priority entitlement (P1); the contract's categories, most often the elderly. */
    private static final double PRIORITY_SHARE = 0.09;
    private static final PriorityCategory[] CATEGORIES = {
            PriorityCategory.ELDERLY, PriorityCategory.ELDERLY, PriorityCategory.ELDERLY, PriorityCategory.ELDERLY,
            PriorityCategory.SMALL_CHILD, PriorityCategory.SMALL_CHILD, PriorityCategory.DISABLED,
            PriorityCategory.DISABLED, PriorityCategory.PREGNANT, PriorityCategory.OTHER};
    private static final double PRIORITY_NOT_OFFERED = 0.05;
    private static final double PRIORITY_DECLINED = 0.15;
    private static final double APPOINTMENT_SHARE = 0.04;
    /** Under load a clerk now and then calls the next regular ticket although a priority client waits (a P1 bypass). */
    private static final double BYPASS_CHANCE = 0.2;
    private static final int BYPASS_LOAD = 4;
    private static final double OUT_OF_ORDER_CHANCE = 0.03;
    private static final double ABSENT_CHANCE = 0.05;
    private static final double PAUSE_CHANCE = 0.08;
    private static final double REDIRECT_SHARE = 0.08;
    private static final double IMPATIENT_SHARE = 0.35;
    private static final double SERVICE_SIGMA = 0.4;
    /** Walking to the desk, greeting, wrap-up: time a desk spends per client beyond the service itself. */
    private static final long OVERHEAD_MS = 50 * SECOND;
    private static final int EXTRA_DESK_WAITING = 10;
    private static final long EXTRA_DESK_WAIT_MS = 12 * MINUTE;
    private static final long RUSH_FADE_MS = 3 * MINUTE;
    private static final long RUNAWAY_MS = 24 * 60 * MINUTE;

    private final Office office;
    private final DayPlan plan;
    private final SplittableRandom random;
    private final long start;
    private final long end;
    private final long lastTicket;
    private final String eventPrefix;
    private final String ticketPrefix;
    private final double arrivalFactor;

    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    private final List<DeskState> desks = new ArrayList<>();
    private final PriorityQueue<Action> agenda = new PriorityQueue<>(
            Comparator.comparingLong(Action::at).thenComparingLong(Action::order));
    private final List<SpecificRecord> events = new ArrayList<>();

    private long now;
    private long actionOrder;
    private int eventNumber;
    private int activeTickets;
    private boolean arrivalsOver;
    private boolean dayOver;

    DaySimulation(Office office, Instant start, Duration length, long seed, DayPlan plan) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length must be positive, was " + length);
        }
        this.office = office;
        this.plan = plan;
        this.random = new SplittableRandom(seed ^ (office.getOfficeId().hashCode() * 0x9E3779B97F4A7C15L));
        this.start = start.toEpochMilli();
        this.end = this.start + length.toMillis();
        long margin = plan.lastTicketBeforeEnd().toMillis();
        this.lastTicket = margin * 2 < length.toMillis() ? end - margin : end - length.toMillis() / 10;
        ZoneId zone = ZoneId.of(office.getTimeZone() == null ? "Europe/Warsaw" : office.getTimeZone());
        String label = plan.label() != null ? plan.label()
                : DateTimeFormatter.BASIC_ISO_DATE.format(start.atZone(zone).toLocalDate());
        this.eventPrefix = "sim-" + office.getOfficeId() + "-" + label + "-";
        this.ticketPrefix = label + "-";
        int clones = plan.scale() >= 1.5 ? (int) Math.round(plan.scale()) : 1;
        // Redirected clients come back into another queue: leave room for them in the calibration.
        this.arrivalFactor = plan.scale() / clones / (1 + REDIRECT_SHARE);
        this.now = this.start;

        for (Queue queue : office.getQueues()) {
            queues.put(queue.getQueueId(), new QueueState(queue, random.split()));
        }
        for (DeskLayout layout : DeskLayout.of(office, clones)) {
            DeskState desk = new DeskState(layout);
            desks.add(desk);
            for (String queueId : layout.queueIds()) {
                QueueState queue = queues.get(queueId);
                if (!layout.reserve()) {
                    queue.capacityPerMs += 1.0 / layout.queueIds().size() / queue.meanCycleMs;
                }
            }
        }
    }

    List<SpecificRecord> run() {
        if (queues.isEmpty()) {
            return List.of();
        }
        long spread = Math.max(1, plan.deskOpeningSpread().toMillis());
        for (DeskState desk : desks) {
            if (!desk.layout.reserve()) {
                at(start + random.nextLong(spread), () -> openDesk(desk));
                if (random.nextDouble() < 0.7) {
                    long length = end - start;
                    desk.breakDue = start + (long) (length * (0.3 + 0.4 * random.nextDouble()));
                    desk.breakLength = (10 + random.nextInt(11)) * MINUTE;
                    at(desk.breakDue, () -> breakCheckWhileIdle(desk));
                }
            }
        }
        for (QueueState queue : queues.values()) {
            scheduleNextArrival(queue, start);
        }
        at(lastTicket, () -> {
            arrivalsOver = true;
            maybeEndDay();
        });
        at(start + MINUTE, this::tick);

        while (!agenda.isEmpty()) {
            Action action = agenda.poll();
            now = action.at;
            if (now - end > RUNAWAY_MS) {
                throw new IllegalStateException("simulation of " + office.getOfficeId() + " did not finish a day after closing");
            }
            action.step.run();
        }
        return events;
    }

    // ---- arrivals: a non-homogeneous Poisson process per queue, sampled by thinning ----

    private double load(long t) {
        double x = t - start;
        double peak = (x - plan.peakAt().toMillis()) / plan.peakWidth().toMillis();
        return plan.baseLoad() + plan.peakLoad() * Math.exp(-peak * peak / 2) + plan.openingRush() * Math.exp(-x / RUSH_FADE_MS);
    }

    private void scheduleNextArrival(QueueState queue, long from) {
        double maxRate = (plan.baseLoad() + plan.peakLoad() + plan.openingRush()) * queue.capacityPerMs * arrivalFactor;
        if (maxRate <= 0) {
            return;
        }
        long next = from + Math.max(1, (long) (queue.arrivals.nextExponential() / maxRate));
        if (next >= lastTicket) {
            return;
        }
        at(next, () -> {
            double rate = load(now) * queue.capacityPerMs * arrivalFactor;
            if (queue.arrivals.nextDouble() * maxRate < rate) {
                issue(queue);
            }
            scheduleNextArrival(queue, now);
        });
    }

    private void issue(QueueState queue) {
        queue.issued++;
        Ticket ticket = new Ticket(ticketPrefix + queue.id + String.format(Locale.ROOT, "%03d", queue.issued), queue);
        PriorityCategory category = random.nextDouble() < PRIORITY_SHARE
                ? CATEGORIES[random.nextInt(CATEGORIES.length)] : PriorityCategory.NONE;
        boolean appointment = category == PriorityCategory.NONE && random.nextDouble() < APPOINTMENT_SHARE;
        emitQueue(TICKET_MACHINE, new TicketIssued(ticket.id, queue.id, category, appointment));
        activeTickets++;
        if (category == PriorityCategory.NONE || random.nextDouble() < PRIORITY_NOT_OFFERED) {
            enqueue(ticket, true);
            return;
        }
        // The client is asked at once (P1); the ticket waits for the answer before it can be called.
        at(now + (2 + random.nextInt(10)) * SECOND, () -> {
            boolean accepted = random.nextDouble() >= PRIORITY_DECLINED;
            ticket.priority = accepted;
            emitQueue(TICKET_MACHINE, new PriorityOffered(ticket.id, accepted));
            enqueue(ticket, true);
        });
    }

    private void enqueue(Ticket ticket, boolean mayGiveUp) {
        QueueState queue = ticket.queue;
        ticket.waiting = true;
        ticket.enteredAt = now;
        queue.waiting.add(ticket);
        if (mayGiveUp && random.nextDouble() < IMPATIENT_SHARE) {
            long patience = 15 * MINUTE + (long) (random.nextExponential() * 30 * MINUTE);
            long entered = ticket.enteredAt;
            at(now + patience, () -> giveUp(ticket, entered));
        }
        wakeDesk(queue);
        checkLoad(queue);
    }

    private void giveUp(Ticket ticket, long entered) {
        if (!ticket.waiting || ticket.enteredAt != entered) {
            return;
        }
        ticket.waiting = false;
        ticket.queue.waiting.remove(ticket);
        emitQueue(TICKET_MACHINE, new TicketCancelled(ticket.id));
        finish();
    }

    // ---- desks ----

    private void openDesk(DeskState desk) {
        if (dayOver) {
            desk.state = DeskMode.CLOSED;
            return;
        }
        emitDesk(new DeskOpened(desk.layout.deskId(), desk.layout.queueIds()));
        desk.state = DeskMode.IDLE;
        desk.openedAt = now;
        desk.idleSince = now;
        callNext(desk);
    }

    private void closeDesk(DeskState desk) {
        emitDesk(new DeskClosed(desk.layout.deskId()));
        desk.state = DeskMode.CLOSED;
    }

    private void wakeDesk(QueueState queue) {
        DeskState chosen = null;
        for (DeskState desk : desks) {
            if (desk.state == DeskMode.IDLE && desk.serves(queue.id) && (chosen == null || desk.idleSince < chosen.idleSince)) {
                chosen = desk;
            }
        }
        if (chosen != null) {
            DeskState desk = chosen;
            desk.state = DeskMode.PENDING;
            at(now + (2 + random.nextInt(7)) * SECOND, () -> callNext(desk));
        }
    }

    /** Opens a reserve desk when a queue grows long (the flexible reaction of Q2). */
    private void checkLoad(QueueState queue) {
        if (dayOver || queue.waiting.isEmpty()) {
            return;
        }
        long longest = now - queue.waiting.get(0).enteredAt;
        if (queue.waiting.size() < EXTRA_DESK_WAITING && longest < EXTRA_DESK_WAIT_MS) {
            return;
        }
        for (DeskState desk : desks) {
            if (desk.layout.reserve() && desk.state == DeskMode.CLOSED && desk.serves(queue.id)) {
                desk.state = DeskMode.OPENING;
                at(now + (30 + random.nextInt(90)) * SECOND, () -> openDesk(desk));
                return;
            }
        }
    }

    private void tick() {
        if (dayOver) {
            return;
        }
        for (QueueState queue : queues.values()) {
            checkLoad(queue);
        }
        at(now + MINUTE, this::tick);
    }

    private void callNext(DeskState desk) {
        if (desk.state != DeskMode.IDLE && desk.state != DeskMode.PENDING) {
            return;
        }
        if (dayOver) {
            closeLater(desk);
            return;
        }
        Ticket ticket = choose(desk);
        if (ticket == null) {
            desk.state = DeskMode.IDLE;
            desk.idleSince = now;
            return;
        }
        ticket.waiting = false;
        ticket.queue.waiting.remove(ticket);
        desk.state = DeskMode.BUSY;
        emitQueue(DESK_TERMINAL, new TicketCalled(ticket.id, desk.layout.deskId(), false));
        if (random.nextDouble() < ABSENT_CHANCE) {
            at(now + (45 + random.nextInt(46)) * SECOND, () -> recall(desk, ticket));
        } else {
            at(now + (5 + random.nextInt(36)) * SECOND, () -> startService(desk, ticket));
        }
    }

    /**
     * Priority clients first (P1), unless the clerk under load bypasses one; then tickets sent
     * over from another queue; then arrival order (Q3), with a rare out-of-order call.
     */
    private Ticket choose(DeskState desk) {
        List<Ticket> candidates = new ArrayList<>();
        for (String queueId : desk.layout.queueIds()) {
            candidates.addAll(queues.get(queueId).waiting);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort(Comparator.comparingLong((Ticket t) -> t.enteredAt).thenComparing(t -> t.id));
        Ticket priority = candidates.stream().filter(t -> t.priority).findFirst().orElse(null);
        if (priority != null) {
            Ticket regular = candidates.stream().filter(t -> !t.priority && t.queue == priority.queue).findFirst().orElse(null);
            if (regular != null && priority.queue.waiting.size() >= BYPASS_LOAD && random.nextDouble() < BYPASS_CHANCE) {
                return regular;
            }
            return priority;
        }
        Ticket transferred = candidates.stream().filter(t -> t.transferred).findFirst().orElse(null);
        if (transferred != null) {
            return transferred;
        }
        if (candidates.size() >= 3 && random.nextDouble() < OUT_OF_ORDER_CHANCE) {
            return candidates.get(1 + random.nextInt(2));
        }
        return candidates.get(0);
    }

    private void recall(DeskState desk, Ticket ticket) {
        emitQueue(DESK_TERMINAL, new TicketCalled(ticket.id, desk.layout.deskId(), true));
        if (random.nextBoolean()) {
            at(now + (10 + random.nextInt(31)) * SECOND, () -> startService(desk, ticket));
        } else {
            at(now + (45 + random.nextInt(46)) * SECOND, () -> {
                emitQueue(DESK_TERMINAL, new NoShow(ticket.id));
                finish();
                at(now + (3 + random.nextInt(8)) * SECOND, () -> deskFree(desk));
            });
        }
    }

    private void startService(DeskState desk, Ticket ticket) {
        emitQueue(DESK_TERMINAL, new ServiceStarted(ticket.id, desk.layout.deskId()));
        QueueState queue = ticket.queue;
        double minutes = queue.medianMinutes * Math.exp(SERVICE_SIGMA * random.nextGaussian());
        long service = Math.max(MINUTE, Math.min(40 * MINUTE, (long) (minutes * MINUTE)));
        if (random.nextDouble() < PAUSE_CHANCE) {
            long before = (long) (service * (0.3 + 0.4 * random.nextDouble()));
            long after = service - before;
            at(now + before, () -> pause(desk, ticket, after));
        } else {
            at(now + service, () -> endService(desk, ticket));
        }
    }

    /** The clerk steps away and says for how long (Q5); about a third of pauses overrun. */
    private void pause(DeskState desk, Ticket ticket, long remaining) {
        int announced = 2 + random.nextInt(9);
        emitQueue(DESK_TERMINAL, new ServicePaused(ticket.id, announced));
        double factor = random.nextDouble() < 0.3 ? 1.15 + 0.85 * random.nextDouble() : 0.5 + 0.45 * random.nextDouble();
        at(now + (long) (announced * factor * MINUTE), () -> {
            emitQueue(DESK_TERMINAL, new ServiceResumed(ticket.id));
            at(now + remaining, () -> endService(desk, ticket));
        });
    }

    private void endService(DeskState desk, Ticket ticket) {
        double roll = random.nextDouble();
        boolean mayRedirect = ticket.transfers == 0 && queues.size() > 1;
        ServiceOutcome outcome = roll < 0.80 ? ServiceOutcome.RESOLVED
                : roll < 1 - REDIRECT_SHARE || !mayRedirect ? ServiceOutcome.FOLLOW_UP : ServiceOutcome.REDIRECTED;
        emitQueue(DESK_TERMINAL, new ServiceEnded(ticket.id, outcome));
        if (outcome == ServiceOutcome.REDIRECTED) {
            QueueState target = transferTarget(ticket.queue);
            at(now + (2 + random.nextInt(14)) * SECOND, () -> {
                emitQueue(DESK_TERMINAL, new TicketTransferred(ticket.id, target.id));
                ticket.queue = target;
                ticket.transferred = true;
                ticket.transfers++;
                enqueue(ticket, false);
            });
        } else {
            finish();
        }
        at(now + (10 + random.nextInt(51)) * SECOND, () -> deskFree(desk));
    }

    /** Another queue, chosen in proportion to its desks, so that a one-desk queue is not flooded with referrals. */
    private QueueState transferTarget(QueueState from) {
        List<QueueState> others = queues.values().stream().filter(q -> q != from).toList();
        double total = others.stream().mapToDouble(q -> q.capacityPerMs).sum();
        double pick = random.nextDouble() * total;
        for (QueueState queue : others) {
            pick -= queue.capacityPerMs;
            if (pick < 0) {
                return queue;
            }
        }
        return others.get(others.size() - 1);
    }

    private void deskFree(DeskState desk) {
        desk.state = DeskMode.IDLE;
        desk.idleSince = now;
        if (dayOver) {
            closeLater(desk);
            return;
        }
        if (desk.layout.reserve() && now - desk.openedAt >= 20 * MINUTE && quiet(desk) && covered(desk)) {
            closeDesk(desk);
            return;
        }
        if (takeBreakIfDue(desk)) {
            return;
        }
        callNext(desk);
    }

    private void breakCheckWhileIdle(DeskState desk) {
        if (desk.state == DeskMode.IDLE) {
            takeBreakIfDue(desk);
        }
    }

    /** A break is taken only when another open desk covers each of this desk's queues; otherwise it waits ten minutes. */
    private boolean takeBreakIfDue(DeskState desk) {
        if (dayOver || now < desk.breakDue) {
            return false;
        }
        if (!covered(desk)) {
            desk.breakDue = now + 10 * MINUTE;
            at(desk.breakDue, () -> breakCheckWhileIdle(desk));
            return false;
        }
        desk.breakDue = Long.MAX_VALUE;
        closeDesk(desk);
        desk.state = DeskMode.BREAK;
        at(now + desk.breakLength, () -> openDesk(desk));
        return true;
    }

    private boolean quiet(DeskState desk) {
        return desk.layout.queueIds().stream().allMatch(id -> queues.get(id).waiting.size() <= 2);
    }

    private boolean covered(DeskState desk) {
        for (String queueId : desk.layout.queueIds()) {
            boolean other = desks.stream().anyMatch(d -> d != desk && d.isOpen() && d.serves(queueId));
            if (!other) {
                return false;
            }
        }
        return true;
    }

    // ---- the end of the day: the machine has stopped and the last client has left ----

    private void finish() {
        activeTickets--;
        maybeEndDay();
    }

    private void maybeEndDay() {
        if (!arrivalsOver || activeTickets > 0 || dayOver) {
            return;
        }
        dayOver = true;
        for (DeskState desk : desks) {
            if (desk.state == DeskMode.IDLE) {
                closeLater(desk);
            }
        }
    }

    private void closeLater(DeskState desk) {
        desk.state = DeskMode.CLOSING;
        at(now + random.nextLong(2 * MINUTE), () -> closeDesk(desk));
    }

    // ---- plumbing ----

    private void at(long time, Runnable step) {
        agenda.add(new Action(Math.max(time, now), actionOrder++, step));
    }

    private void emitQueue(String source, Object payload) {
        events.add(new QueueEvent(nextEventId(), office.getOfficeId(), Instant.ofEpochMilli(now), source, payload));
    }

    private void emitDesk(Object payload) {
        events.add(new DeskEvent(nextEventId(), office.getOfficeId(), Instant.ofEpochMilli(now), DESK_TERMINAL, payload));
    }

    private String nextEventId() {
        return eventPrefix + String.format(Locale.ROOT, "%06d", ++eventNumber);
    }

    /** Typical service time by what the queue handles; unknown queues get a stable 4–10 minutes. */
    static double medianMinutes(Queue queue) {
        String name = queue.getName() == null ? "" : queue.getName().toLowerCase(Locale.ROOT);
        if (name.contains("stanu cywil") || name.contains("budow")) {
            return 11;
        }
        if (name.contains("bezrobot") || name.contains("geodez")) {
            return 10;
        }
        if (name.contains("pojazd")) {
            return 9;
        }
        if (name.contains("podat") || name.contains("zasił") || name.contains("świadcz")) {
            return 7;
        }
        if (name.contains("dowod") || name.contains("dowód") || name.contains("prawa jazdy")) {
            return 6;
        }
        if (name.contains("meld") || name.contains("ofert")) {
            return 4.5;
        }
        return 4 + Math.floorMod((queue.getQueueId() + name).hashCode(), 7);
    }

    private record Action(long at, long order, Runnable step) {
    }

    private enum DeskMode {
        /** Closed; OPENING: a reserve desk about to open; PENDING: open, about to call the next ticket. */
        CLOSED, OPENING, PENDING, IDLE, BUSY, BREAK, CLOSING
    }

    private static final class QueueState {
        final String id;
        final double medianMinutes;
        final double meanCycleMs;
        final SplittableRandom arrivals;
        final List<Ticket> waiting = new ArrayList<>();
        double capacityPerMs;
        int issued;

        QueueState(Queue queue, SplittableRandom arrivals) {
            this.id = queue.getQueueId();
            this.medianMinutes = medianMinutes(queue);
            this.meanCycleMs = medianMinutes * Math.exp(SERVICE_SIGMA * SERVICE_SIGMA / 2) * MINUTE
                    + OVERHEAD_MS + PAUSE_CHANCE * 5 * MINUTE;
            this.arrivals = arrivals;
        }
    }

    private static final class DeskState {
        final DeskLayout layout;
        DeskMode state = DeskMode.CLOSED;
        long openedAt;
        long idleSince;
        long breakDue = Long.MAX_VALUE;
        long breakLength;

        DeskState(DeskLayout layout) {
            this.layout = layout;
        }

        boolean serves(String queueId) {
            return layout.queueIds().contains(queueId);
        }

        /** Open for clients: idle, about to call, or serving (a desk that is closing counts as gone). */
        boolean isOpen() {
            return state == DeskMode.IDLE || state == DeskMode.PENDING || state == DeskMode.BUSY;
        }
    }

    private static final class Ticket {
        final String id;
        QueueState queue;
        boolean priority;
        boolean transferred;
        boolean waiting;
        long enteredAt;
        int transfers;

        Ticket(String id, QueueState queue) {
            this.id = id;
            this.queue = queue;
        }
    }
}
