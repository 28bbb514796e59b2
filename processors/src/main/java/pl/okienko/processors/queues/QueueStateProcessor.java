package pl.okienko.processors.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.PriorityOffered;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.events.queue.ServicePaused;
import pl.okienko.events.queue.ServiceResumed;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.PriorityWaitingDetails;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.common.OfficeEventProcessor;
import pl.okienko.processors.common.RuleTime;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.period.LocalHours;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.processors.queues.state.RecentCall;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingEntry;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.schemas.Rule;

/**
 * Keeps each office's tickets, waiting lines and open desks (Q1), records wait times (issued or
 * transferred → first call) and service times (started, or called, → ended) into one-minute and
 * per-day sketches (and the office's hourly figures of the day charts, {@link HourlyFigures}), and raises and clears QUEUE_EXCESSIVE (Q2) both on events and on the wall
 * clock, because a queue grows worse while nothing happens.
 *
 * <p>Priority clients (P1) are followed while they wait: a first call of a regular ticket by a
 * desk that serves the queue is a bypass of every priority client waiting there (recalls and
 * transferred tickets excepted); PRIORITY_WAITING is raised at the first bypass or when the wait
 * passes the policy's target (checked by the office's clock) and cleared when the client is called or
 * leaves. Day counters keep priority fulfilment, call order (Q3), outcomes (Q4, P2) and pauses (Q5).
 *
 * <p>The thresholds that time passes (the P1 target, the Q2 longest wait) are judged by the office's
 * {@link OfficeClocks clock}. While the office is live, on the wall clock every check interval, which reads
 * only the deadlines due ({@link DeadlineTimers}: each priority wait's target, each quiet line's longest
 * wait), moved as events change the waits and lines; a changed policy is noticed at the next check, which judges the
 * office's lines and waits again. In a replay
 * of past events, by event time before each of the office's events, stamped at the instant they were
 * crossed; alerts decided by an event are stamped with the office's event time. So the same events give
 * the same alerts, ids included, at any processing speed.
 *
 * <p>A ticket's fields fill in whatever order its events arrive: a wait is measured as soon as
 * both its start and its first call are known.
 */
final class QueueStateProcessor extends OfficeEventProcessor<QueueConfig> {

    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);
    /** Tickets kept decoded: the open visits of the offices of one instance (a busy office has a few hundred). */
    private static final int CACHED_TICKETS = 65_536;
    private static final int CACHED_DESKS = 16_384;


    /** Kept decoded, as the other stores most events touch (their classes keep theirs): see {@link StateCache}. */
    private StateCache<TicketState, TicketState> tickets;
    private KeyValueStore<String, WaitingLineState> lines;
    private OfficeLines officeLines;
    private StateCache<DeskState, DeskState> desks;
    private ExcessiveQueues excessive;
    private PriorityWaits priorityWaiting;
    private DeadlineTimers deadlines;
    /** Offices with lines or waits seen since the start, whose policies each check watches. */
    private final Set<String> offices = new HashSet<>();
    private DayStatistics days;
    private HourlyFigures hourly;

    QueueStateProcessor(QueueConfig config) {
        super(config, QueueStore.SEEN_EVENTS, QueueStore.OFFICE_CLOCKS, DirectoryCache.TTL_MILLIS);
    }

    @Override
    protected void open() {
        EventWrites writes = intake.writes();
        tickets = StateCache.of(intake.store(QueueStore.TICKETS), CACHED_TICKETS, writes);
        lines = intake.store(QueueStore.WAITING_LINES);
        officeLines = new OfficeLines(lines, writes);
        desks = StateCache.of(intake.store(QueueStore.OPEN_DESKS), CACHED_DESKS, writes);
        deadlines = new DeadlineTimers();
        LocalHours localHours = new LocalHours();
        priorityWaiting = new PriorityWaits(intake.store(QueueStore.PRIORITY_WAITING), writes, deadlines,
                (officeId, queueId) -> policy(officeId, queueId).priorityTargetWait());
        excessive = new ExcessiveQueues(intake.store(QueueStore.EXCESSIVE_ALARMS), writes, deadlines, this::policy, intake::emit);
        MinuteStats statsByMinute = new MinuteStats(intake.store(QueueStore.MINUTE_STATS), writes,
                config.minuteStatsRetention());
        days = new DayStatistics(intake.store(QueueStore.DAY_COUNTERS), intake.store(QueueStore.STATS_BY_DAY),
                statsByMinute, writes, officeId -> office(officeId).zone(), localHours);
        hourly = new HourlyFigures(intake.store(QueueStore.HOURLY_SERIES), writes, officeId -> office(officeId).zone(),
                localHours);
        armStored();
        // the deadlines follow the stored lines and waits: a failed event's moves are undone with its writes
        writes.onDiscard(() -> {
            deadlines.clear();
            armStored();
        });
        intake.every(config.alarmCheckInterval(), this::checkDeadlines);
        intake.every(CLEANUP_INTERVAL, this::forgetStaleTickets);
        intake.every(DayStatistics.MINUTE, statsByMinute::forgetExpired);
    }

    @Override
    protected void onEvent(String officeId, SpecificRecord payload, long at) {
        watch(officeId);
        RuleTime time = intake.observe(officeId, at);
        if (!time.live()) {
            // In a replay the wall clock does not move the office's time: what its events moved it past is
            // judged here, before this event changes the lines.
            catchUp(officeId, time);
        }
        Set<String> touchedQueues = new HashSet<>();
        if (payload instanceof TicketIssued issued) {
            onIssued(officeId, issued, at, touchedQueues);
        } else if (payload instanceof TicketCalled called) {
            onCalled(officeId, called, at, touchedQueues);
        } else if (payload instanceof ServiceStarted started) {
            onServiceStarted(officeId, started.getTicketId(), at);
        } else if (payload instanceof PriorityOffered offered) {
            onPriorityOffered(officeId, offered, at);
        } else if (payload instanceof ServicePaused paused) {
            onPaused(officeId, paused, at);
        } else if (payload instanceof ServiceResumed resumed) {
            onResumed(officeId, resumed.getTicketId(), at);
        } else if (payload instanceof ServiceEnded ended) {
            onEnded(officeId, ended, at, touchedQueues);
        } else if (payload instanceof TicketTransferred transferred) {
            onTransferred(officeId, transferred, at, touchedQueues);
        } else if (payload instanceof TicketCancelled cancelled) {
            onLeft(officeId, cancelled.getTicketId(), at, touchedQueues);
        } else if (payload instanceof NoShow noShow) {
            onLeft(officeId, noShow.getTicketId(), at, touchedQueues);
        } else if (payload instanceof DeskOpened opened) {
            desks.put(Keys.of(officeId, opened.getDeskId()),
                    new DeskState(opened.getDeskId(), List.copyOf(opened.getQueueIds()), at));
        } else if (payload instanceof DeskClosed closed) {
            desks.delete(Keys.of(officeId, closed.getDeskId()));
        }
        for (String queueId : touchedQueues) {
            excessive.check(officeId, queueId, officeLines.get(officeId, queueId), time);
        }
        if (!touchedQueues.isEmpty()) {
            recordLines(officeId, at);
        }
    }


    private void onIssued(String officeId, TicketIssued issued, long at, Set<String> touched) {
        hourly.arrival(officeId, at);
        String key = Keys.of(officeId, issued.getTicketId());
        TicketState known = tickets.get(key);
        if (known != null && known.getIssuedAt() == null && known.getCalledAt() != null) {
            // The call overtook the issue: complete the wait now, the ticket never waits in line.
            known.setQueueId(issued.getQueueId());
            known.setIssuedAt(at);
            known.setWaitingSince(at);
            known.setPriorityCategory(issued.getPriorityCategory().name());
            recordWait(officeId, known, known.getCalledAt());
            if (PriorityRules.hasPriorityCategory(known)) {
                // served at once: a priority wait with the call already known
                priorityWaiting.put(key, newPriorityWait(known, at));
                endPriorityWait(officeId, known, known.getCalledAt(), true);
            }
            save(key, known);
            return;
        }
        TicketState ticket;
        if (known != null && known.getIssuedAt() == null) {
            // An offer or a service start overtook the issue: keep what it said.
            ticket = known;
        } else {
            if (known != null) {
                // Ticket numbers restart every day: a new issue replaces a visit that never closed.
                leaveLine(officeId, known, touched, null);
                abandonPriorityWait(officeId, known.getTicketId());
            }
            ticket = TicketState.newBuilder().setTicketId(issued.getTicketId()).build();
        }
        ticket.setQueueId(issued.getQueueId());
        ticket.setPriorityCategory(issued.getPriorityCategory().name());
        ticket.setIssuedAt(at);
        ticket.setWaitingSince(at);
        joinLine(officeId, ticket, touched);
        if (PriorityRules.hasPriorityCategory(ticket)) {
            priorityWaiting.put(key, newPriorityWait(ticket, at));
        }
        judgeLateArrival(officeId, ticket, at);
        save(key, ticket);
    }

    private static PriorityWaitState newPriorityWait(TicketState ticket, long since) {
        return PriorityWaitState.newBuilder().setTicketId(ticket.getTicketId()).setQueueId(ticket.getQueueId())
                .setCategory(ticket.getPriorityCategory()).setSince(since)
                .setDeclined(PriorityRules.DECLINED.equals(ticket.getPriorityAnswer())).build();
    }

    /**
     * An issue that arrives after calls made later in event time (within the grace period) is
     * judged against them: for a priority client they were bypasses, for a regular one they were
     * out of order if they called someone who came later.
     */
    private void judgeLateArrival(String officeId, TicketState ticket, long issuedAt) {
        WaitingLine line = officeLines.get(officeId, ticket.getQueueId());
        List<RecentCall> later = line.callsAfter(issuedAt);
        if (later.isEmpty()) {
            return;
        }
        if (PriorityRules.hasPriorityCategory(ticket)) {
            int bypasses = (int) later.stream().filter(RecentCall::getBypassing).count();
            if (bypasses > 0) {
                String key = Keys.of(officeId, ticket.getTicketId());
                PriorityWaitState waiting = priorityWaiting.get(key);
                waiting.setBypasses(waiting.getBypasses() + bypasses);
                if (!waiting.getDeclined() && waiting.getAlertId() == null) {
                    // known now, so raised now: waiting for a punctuation would stamp it by processing speed
                    raisePriorityAlert(officeId, waiting, ruleNow(officeId));
                }
                priorityWaiting.put(key, waiting);
            }
            return;
        }
        boolean changed = false;
        for (RecentCall call : later) {
            if (call.getRegular() && !call.getOutOfOrder() && call.getSince() > issuedAt) {
                call.setOutOfOrder(true);
                days.update(officeId, ticket.getQueueId(), call.getCalledAt(), QueueDay::lateOutOfOrder);
                changed = true;
            }
        }
        if (changed) {
            officeLines.put(officeId, ticket.getQueueId(), line);
        }
    }

    private void onPriorityOffered(String officeId, PriorityOffered offered, long at) {
        String key = Keys.of(officeId, offered.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(offered.getTicketId()).build();
        }
        ticket.setOffered(true);
        ticket.setPriorityAnswer(offered.getAccepted() ? PriorityRules.ACCEPTED : PriorityRules.DECLINED);
        save(key, ticket);
        PriorityWaitState waiting = priorityWaiting.get(key);
        if (waiting != null) {
            waiting.setDeclined(!offered.getAccepted());
            if (waiting.getDeclined() && waiting.getAlertId() != null) {
                // the client chose the normal queue: nothing left to warn about
                emitPriorityAlert(officeId, waiting, AlertState.CLEARED, ruleNow(officeId));
                waiting.setAlertId(null);
                waiting.setAlertRaisedAt(null);
            } else if (!waiting.getDeclined() && waiting.getAlertId() == null && waiting.getBypasses() > 0) {
                // priority taken up again by a client already passed over: the warning is due again, now
                raisePriorityAlert(officeId, waiting, ruleNow(officeId));
            }
            priorityWaiting.put(key, waiting);
        }
    }

    private void onCalled(String officeId, TicketCalled called, long at, Set<String> touched) {
        String key = Keys.of(officeId, called.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(called.getTicketId()).build();
        } else if (fromBeforeTheTransfer(ticket, at)) {
            return;
        }
        ticket.setDeskId(called.getDeskId());
        if (ticket.getCalledAt() == null && !called.getRecall()) {
            // Recalls and repeated calls do not end the wait a second time.
            ticket.setCalledAt(at);
            if (ticket.getWaitingSince() != null) {
                recordWait(officeId, ticket, at);
                if (PriorityRules.isRegular(ticket) && !ticket.getTransferred()) {
                    judgeRegularCall(officeId, ticket, called.getDeskId(), at);
                }
                leaveLine(officeId, ticket, touched, at);
            }
            endPriorityWait(officeId, ticket, at, true);
        }
        save(key, ticket);
    }

    /** Q3 order and P1 bypasses of a regular ticket's first call, made while it is still in line. */
    private void judgeRegularCall(String officeId, TicketState ticket, String deskId, long at) {
        String queueId = ticket.getQueueId();
        WaitingLine line = officeLines.get(officeId, queueId);
        boolean outOfOrder = false;
        for (WaitingEntry earlier : line.entries()) {
            if (earlier.getSince() >= ticket.getWaitingSince()) {
                break;
            }
            TicketState other = tickets.get(Keys.of(officeId, earlier.getTicketId()));
            if (other != null && PriorityRules.isRegular(other)) {
                outOfOrder = true;
                break;
            }
        }
        boolean flagged = outOfOrder;
        days.update(officeId, queueId, at, day -> day.regularCall(flagged));

        DeskState desk = deskId == null ? null : desks.get(Keys.of(officeId, deskId));
        boolean deskServesQueue = desk != null && desk.getQueueIds().contains(queueId);
        if (deskServesQueue) {
            for (KeyValue<String, PriorityWaitState> kv : priorityWaiting.ofOffice(officeId)) {
                PriorityWaitState waiting = kv.value;
                if (waiting.getQueueId().equals(queueId) && !waiting.getDeclined() && waiting.getSince() <= at) {
                    waiting.setBypasses(waiting.getBypasses() + 1);
                    if (waiting.getAlertId() == null) {
                        raisePriorityAlert(officeId, waiting, ruleNow(officeId));
                    }
                    priorityWaiting.put(kv.key, waiting);
                }
            }
        }
        line.rememberCall(new RecentCall(ticket.getTicketId(), ticket.getWaitingSince(), at, true, deskServesQueue,
                outOfOrder), config.lateEventGrace().toMillis());
        officeLines.put(officeId, queueId, line);
    }

    /**
     * A priority client's wait ended: by a call, or by leaving (cancelled, no-show while waiting).
     * A client who leaves counts against fulfilment only if already bypassed or past the target.
     */
    private void endPriorityWait(String officeId, TicketState ticket, long at, boolean served) {
        String key = Keys.of(officeId, ticket.getTicketId());
        PriorityWaitState waiting = priorityWaiting.get(key);
        if (waiting == null) {
            return;
        }
        priorityWaiting.delete(key);
        long wait = Math.max(0, at - waiting.getSince());
        Duration target = policy(officeId, waiting.getQueueId()).priorityTargetWait();
        boolean fulfilled = PriorityRules.fulfilled(wait, waiting.getBypasses(), target);
        boolean eligible = !waiting.getDeclined() && (served || !fulfilled);
        days.update(officeId, waiting.getQueueId(), at, day -> day.priorityWaitEnded(waiting.getCategory(),
                ticket.getOffered(), PriorityRules.ACCEPTED.equals(ticket.getPriorityAnswer()),
                waiting.getDeclined(), eligible, served, wait, waiting.getBypasses(), served && fulfilled));
        if (eligible && served) {
            hourly.priorityCalled(officeId, at, wait);
        }
        if (waiting.getAlertId() != null) {
            emitPriorityAlert(officeId, waiting, AlertState.CLEARED, ruleNow(officeId));
        }
    }

    private void onServiceStarted(String officeId, String ticketId, long at) {
        String key = Keys.of(officeId, ticketId);
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(ticketId).build();
        } else if (fromBeforeTheTransfer(ticket, at)) {
            return;
        }
        if (ticket.getServiceStartedAt() == null) {
            ticket.setServiceStartedAt(at);
        }
        save(key, ticket);
    }

    private void onEnded(String officeId, ServiceEnded ended, long at, Set<String> touched) {
        String key = Keys.of(officeId, ended.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket == null || (ticket.getCalledAt() == null && ticket.getWaitingSince() == null)) {
            return;
        }
        boolean notServedSinceTransfer = ticket.getTransferred() && ticket.getCalledAt() == null
                && ticket.getServiceStartedAt() == null;
        boolean atTheTransfer = ticket.getTransferred() && ticket.getWaitingSince() != null && at == ticket.getWaitingSince();
        if (fromBeforeTheTransfer(ticket, at) || atTheTransfer
                || (ended.getOutcome() == ServiceOutcome.REDIRECTED && notServedSinceTransfer)) {
            // The end of the service the transfer came from, arriving after it (stamped before or at the transfer,
            // or after it while the client has not been served in the new queue yet): the transfer already ended
            // that service (onTransferred).
            return;
        }
        endService(officeId, ticket, ended.getOutcome(), at);
        if (ended.getOutcome() == ServiceOutcome.REDIRECTED) {
            // kept, out of any line, until the transfer says where the client goes next (Q4)
            leaveLine(officeId, ticket, touched, at);
            ticket.setWaitingSince(null);
            ticket.setCalledAt(null);
            ticket.setServiceStartedAt(null);
            ticket.setDeskId(null);
            save(key, ticket);
        } else {
            close(officeId, ticket, at, touched);
        }
    }

    /** Q1 service time, Q4 outcome and Q5 pause of the service that ends at {@code at}. */
    private void endService(String officeId, TicketState ticket, ServiceOutcome outcome, long at) {
        if (ticket.getQueueId() == null) {
            return;
        }
        Long start = ticket.getServiceStartedAt() != null ? ticket.getServiceStartedAt() : ticket.getCalledAt();
        if (start != null) {
            days.record(officeId, ticket.getQueueId(), DayStatistics.SERVICE, at - start, at);
        }
        endPause(officeId, ticket, at);
        String category = PriorityRules.hasPriorityCategory(ticket) ? ticket.getPriorityCategory() : null;
        days.update(officeId, ticket.getQueueId(), at, day -> day.serviceEnded(outcome, category));
        hourly.served(officeId, at);
    }

    /**
     * An event of the visit in the queue a ticket was transferred from, arriving after the transfer
     * (desk systems do not always send in order): it must not touch the wait or service in the new queue.
     */
    private static boolean fromBeforeTheTransfer(TicketState ticket, long at) {
        return ticket.getTransferred() && ticket.getWaitingSince() != null && at < ticket.getWaitingSince();
    }

    /** Cancelled, or did not come when called. */
    private void onLeft(String officeId, String ticketId, long at, Set<String> touched) {
        TicketState ticket = tickets.get(Keys.of(officeId, ticketId));
        if (ticket != null) {
            endPriorityWait(officeId, ticket, at, false);
            close(officeId, ticket, at, touched);
        }
    }

    private void close(String officeId, TicketState ticket, long at, Set<String> touched) {
        leaveLine(officeId, ticket, touched, at);
        // Served although its call was never reported: the wait cannot be measured, but must not linger.
        abandonPriorityWait(officeId, ticket.getTicketId());
        tickets.delete(Keys.of(officeId, ticket.getTicketId()));
    }

    /**
     * Drops a priority wait whose end is unknown (a lost event, a reused ticket number, a ticket
     * forgotten as stale) without counting it, and clears its PRIORITY_WAITING alert if raised.
     */
    private void abandonPriorityWait(String officeId, String ticketId) {
        String key = Keys.of(officeId, ticketId);
        PriorityWaitState waiting = priorityWaiting.get(key);
        if (waiting == null) {
            return;
        }
        priorityWaiting.delete(key);
        if (waiting.getAlertId() != null) {
            emitPriorityAlert(officeId, waiting, AlertState.CLEARED, ruleNow(officeId));
        }
    }

    private void onPaused(String officeId, ServicePaused paused, long at) {
        String key = Keys.of(officeId, paused.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket != null && ticket.getPausedAt() == null && !fromBeforeTheTransfer(ticket, at)) {
            ticket.setPausedAt(at);
            ticket.setPauseAnnouncedMinutes(paused.getAnnouncedMinutes());
            save(key, ticket);
        }
    }

    private void onResumed(String officeId, String ticketId, long at) {
        String key = Keys.of(officeId, ticketId);
        TicketState ticket = tickets.get(key);
        if (ticket != null && ticket.getPausedAt() != null && ticket.getQueueId() != null
                && !fromBeforeTheTransfer(ticket, at)) {
            endPause(officeId, ticket, at);
            save(key, ticket);
        }
    }

    /** Q5: a pause ends when service resumes, or with the service. */
    private void endPause(String officeId, TicketState ticket, long at) {
        if (ticket.getPausedAt() == null) {
            return;
        }
        long paused = at - ticket.getPausedAt();
        Long announced = ticket.getPauseAnnouncedMinutes() == null ? null
                : Duration.ofMinutes(ticket.getPauseAnnouncedMinutes()).toMillis();
        days.update(officeId, ticket.getQueueId(), at, day -> day.pauseEnded(paused, announced));
        ticket.setPausedAt(null);
        ticket.setPauseAnnouncedMinutes(null);
    }

    /** A transferred client starts a new wait in the target queue (Q4 counts the transfer itself). */
    private void onTransferred(String officeId, TicketTransferred transferred, long at, Set<String> touched) {
        String key = Keys.of(officeId, transferred.getTicketId());
        TicketState ticket = tickets.get(key);
        boolean stillWaiting = false;
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(transferred.getTicketId()).setIssuedAt(at).build();
        } else {
            boolean inService = ticket.getCalledAt() != null || ticket.getServiceStartedAt() != null;
            stillWaiting = !inService && ticket.getWaitingSince() != null;
            if (inService) {
                // Transferred from the desk before its service_ended(REDIRECTED) arrived: the service ends
                // here, at the transfer, and that late end is ignored (onEnded).
                endService(officeId, ticket, ServiceOutcome.REDIRECTED, at);
            }
            leaveLine(officeId, ticket, touched, at);
            if (ticket.getQueueId() != null) {
                days.update(officeId, ticket.getQueueId(), at, QueueDay::transferOut);
            }
        }
        ticket.setQueueId(transferred.getToQueueId());
        ticket.setTransferred(true);
        PriorityWaitState waiting = priorityWaiting.get(key);
        if (stillWaiting && waiting != null) {
            // moved while waiting: the priority wait and its bypasses go on in the new queue
            waiting.setQueueId(transferred.getToQueueId());
            priorityWaiting.put(key, waiting);
        } else if (PriorityRules.hasPriorityCategory(ticket)) {
            priorityWaiting.put(key, newPriorityWait(ticket, at));
        }
        ticket.setWaitingSince(at);
        ticket.setCalledAt(null);
        ticket.setDeskId(null);
        ticket.setServiceStartedAt(null);
        joinLine(officeId, ticket, touched);
        save(key, ticket);
    }

    private void save(String key, TicketState ticket) {
        ticket.setTouchedAt(intake.wallClock());
        tickets.put(key, ticket);
    }

    private void joinLine(String officeId, TicketState ticket, Set<String> touched) {
        WaitingLine line = officeLines.get(officeId, ticket.getQueueId());
        line.join(ticket.getTicketId(), ticket.getWaitingSince());
        officeLines.put(officeId, ticket.getQueueId(), line);
        touched.add(ticket.getQueueId());
    }

    /**
     * Takes the ticket out of its line; {@code at} the instant its wait ended (for the day charts), null when that
     * is unknown (a visit forgotten or replaced without its end).
     */
    private void leaveLine(String officeId, TicketState ticket, Set<String> touched, Long at) {
        if (ticket.getQueueId() == null) {
            return;
        }
        WaitingLine line = officeLines.get(officeId, ticket.getQueueId());
        if (line.leave(ticket.getTicketId())) {
            officeLines.put(officeId, ticket.getQueueId(), line);
            touched.add(ticket.getQueueId());
            if (at != null && ticket.getWaitingSince() != null) {
                hourly.waitEnded(officeId, at, Math.max(0, at - ticket.getWaitingSince()));
            }
        }
    }

    /** The office's lines after a change, for the day charts: how many wait in all, and since when the longest. */
    private void recordLines(String officeId, long at) {
        OptionalLong oldest = officeLines.oldestSince(officeId);
        hourly.linesChanged(officeId, at, officeLines.waiting(officeId), oldest.isPresent() ? oldest.getAsLong() : null);
    }

    private void recordWait(String officeId, TicketState ticket, long calledAt) {
        if (ticket.getQueueId() != null) {
            days.record(officeId, ticket.getQueueId(), DayStatistics.WAIT, calledAt - ticket.getWaitingSince(), calledAt);
        }
    }

    private EffectivePolicy policy(String officeId, String queueId) {
        return intake.queuePolicy(officeId, queueId);
    }

    private OfficeInfo office(String officeId) {
        return intake.office(officeId);
    }

    /** The instant the office's alert rules take as now (its event time in a replay). */
    private long ruleNow(String officeId) {
        return intake.time(officeId).now();
    }

    /** Raises the P1 targets and Q2 longest waits of the office that its time has passed (live: the punctuation). */
    private void catchUp(String officeId, RuleTime time) {
        for (DeadlineIndex.Due due : deadlines.due(officeId, time.now())) {
            fire(due, time);
        }
    }

    /**
     * P1 and Q2 on the wall clock: reads only the deadlines due by now at the latest office time (a live office's
     * events may run up to {@link OfficeClocks#LIVE_LAG} ahead), and judges each at its office's time; a deadline
     * its office has not reached yet (a replay, moved by its events) stays.
     */
    private void checkDeadlines(long wallClock) {
        Map<String, RuleTime> times = new HashMap<>();
        for (String officeId : offices) {
            if (intake.policyChanged(officeId)) {
                judgeAgain(officeId, times.computeIfAbsent(officeId, id -> intake.time(id, wallClock)));
            }
        }
        for (DeadlineIndex.Due due : deadlines.due(wallClock + OfficeClocks.LIVE_LAG.toMillis())) {
            RuleTime time = times.computeIfAbsent(due.officeId(), id -> intake.time(id, wallClock));
            if (due.dueAtMillis() <= time.now()) {
                fire(due, time);
            }
        }
    }

    /** Starts watching the office's policies, remembering them as they are now. */
    private void watch(String officeId) {
        if (offices.add(officeId)) {
            intake.policyChanged(officeId);
        }
    }

    /** After a policy change: every line (Q2, the count limit included) and priority wait (P1) of the office. */
    private void judgeAgain(String officeId, RuleTime time) {
        officeLines.ofOffice(officeId).forEach((queueId, line) -> excessive.check(officeId, queueId, line, time));
        for (KeyValue<String, PriorityWaitState> waiting : priorityWaiting.ofOffice(officeId)) {
            checkPriorityTarget(officeId, waiting.key, waiting.value, time);
        }
    }

    /** A due deadline: the threshold is judged again (the policy may have moved it), which moves or ends it. */
    private void fire(DeadlineIndex.Due due, RuleTime time) {
        String officeId = due.officeId();
        if (due.itemId().startsWith(PriorityWaits.ITEM)) {
            String key = Keys.of(officeId, due.itemId().substring(PriorityWaits.ITEM.length()));
            PriorityWaitState waiting = priorityWaiting.get(key);
            if (waiting == null) {
                deadlines.set(officeId, due.itemId(), null);
            } else {
                checkPriorityTarget(officeId, key, waiting, time);
            }
        } else {
            String queueId = due.itemId().substring(ExcessiveQueues.ITEM.length());
            excessive.check(officeId, queueId, officeLines.get(officeId, queueId), time);
        }
    }

    /** The deadlines of the stored lines and priority waits, kept in memory only: armed again at each start. */
    private void armStored() {
        List<KeyValue<String, WaitingLineState>> all = new ArrayList<>();
        try (KeyValueIterator<String, WaitingLineState> it = lines.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, WaitingLineState> entry : all) {
            String officeId = Keys.part(entry.key, 0);
            watch(officeId);
            String queueId = Keys.part(entry.key, 1);
            excessive.arm(officeId, queueId, WaitingLine.fromState(entry.value));
        }
        for (KeyValue<String, PriorityWaitState> kv : priorityWaiting.all()) {
            String officeId = Keys.part(kv.key, 0);
            watch(officeId);
            deadlines.set(officeId, PriorityWaits.ITEM + kv.value.getTicketId(),
                    priorityWaiting.dueAt(officeId, kv.value));
        }
    }

    /**
     * P1 at the office's time: PRIORITY_WAITING once the wait passes the target, stamped in a replay at the
     * instant it passed. (A bypass raises it at the event that makes it known.)
     */
    private void checkPriorityTarget(String officeId, String key, PriorityWaitState waiting, RuleTime time) {
        if (waiting.getDeclined() || waiting.getAlertId() != null) {
            return;
        }
        Duration target = policy(officeId, waiting.getQueueId()).priorityTargetWait();
        long passedAt = PriorityRules.targetPassedAt(waiting.getSince(), target);
        if (passedAt <= time.now()) {
            raisePriorityAlert(officeId, waiting, time.stamp(passedAt));
        }
        priorityWaiting.put(key, waiting);
    }

    /** Marks {@code waiting} as warned (the caller stores it) and emits PRIORITY_WAITING. */
    private void raisePriorityAlert(String officeId, PriorityWaitState waiting, long now) {
        waiting.setAlertId(AlertFactory.id(AlertType.PRIORITY_WAITING, officeId, "ticket", waiting.getTicketId(), now));
        waiting.setAlertRaisedAt(now);
        emitPriorityAlert(officeId, waiting, AlertState.RAISED, now);
    }

    private void emitPriorityAlert(String officeId, PriorityWaitState waiting, AlertState state, long now) {
        Duration target = policy(officeId, waiting.getQueueId()).priorityTargetWait();
        long waitSeconds = Math.max(0, now - waiting.getSince()) / 1000;
        String message = state == AlertState.RAISED
                ? "Priority client " + waiting.getTicketId() + " (" + waiting.getCategory() + ") in queue "
                        + waiting.getQueueId() + " waits " + waitSeconds / 60 + " min, bypassed "
                        + waiting.getBypasses() + " times"
                : "Priority client " + waiting.getTicketId() + " is no longer waiting";
        intake.emit(AlertFactory.step(waiting.getAlertId(), AlertType.PRIORITY_WAITING, Rule.P1, state, officeId,
                "ticket", waiting.getTicketId(), waiting.getAlertRaisedAt(), now, message, new PriorityWaitingDetails(
                        waiting.getTicketId(), waiting.getQueueId(), waiting.getCategory(), waitSeconds,
                        waiting.getBypasses(), target.toSeconds())));
    }

    /** Tickets nobody closed (a lost event, a terminal switched off) must not wait forever. */
    private void forgetStaleTickets(long now) {
        long cutoff = now - config.staleTicketAfter().toMillis();
        List<KeyValue<String, TicketState>> stale = new ArrayList<>();
        try (KeyValueIterator<String, TicketState> it = tickets.store().all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.getTouchedAt() < cutoff) {
                    stale.add(kv);
                }
            });
        }
        for (KeyValue<String, TicketState> kv : stale) {
            String officeId = Keys.part(kv.key, 0);
            Set<String> touched = new HashSet<>();
            leaveLine(officeId, kv.value, touched, null);
            abandonPriorityWait(officeId, kv.value.getTicketId());
            tickets.delete(kv.key);
            // No event follows to judge the shorter line (Q2 may clear) or move its deadline.
            for (String queueId : touched) {
                excessive.check(officeId, queueId, officeLines.get(officeId, queueId),
                        intake.time(officeId, now));
            }
            if (!touched.isEmpty()) {
                recordLines(officeId, now);
            }
        }
    }
}
