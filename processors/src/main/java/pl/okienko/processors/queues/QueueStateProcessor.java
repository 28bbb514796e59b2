package pl.okienko.processors.queues;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.events.desk.DeskClosed;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.ServiceEnded;
import pl.okienko.events.queue.ServiceStarted;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.events.queue.TicketTransferred;
import pl.okienko.processors.common.Envelope;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;

/**
 * Keeps each office's tickets, waiting lines and open desks (Q1), records wait times (issued or
 * transferred → first call) and service times (started, or called, → ended) into one-minute and
 * per-day sketches, and raises and clears QUEUE_EXCESSIVE (Q2) both on events and on the wall
 * clock, because a queue grows worse while nothing happens.
 *
 * <p>A ticket's fields fill in whatever order its events arrive: a wait is measured as soon as
 * both its start and its first call are known.
 */
final class QueueStateProcessor implements Processor<String, SpecificRecord, Object, Object> {

    static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    private final QueueConfig config;
    private final String alertsChild;

    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, TicketState> tickets;
    private KeyValueStore<String, WaitingLineState> lines;
    private KeyValueStore<String, DeskState> desks;
    private KeyValueStore<String, QueueAlarmState> alarms;
    private KeyValueStore<String, SketchState> statsByDay;
    private WindowStore<String, SketchState> statsByMinute;
    private WindowStore<String, Long> eventIds;
    private KeyValueStore<String, Office> offices;
    private KeyValueStore<String, Policy> policies;

    QueueStateProcessor(QueueConfig config, String alertsChild) {
        this.config = config;
        this.alertsChild = alertsChild;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        tickets = context.getStateStore(QueueStores.TICKETS);
        lines = context.getStateStore(QueueStores.LINES);
        desks = context.getStateStore(QueueStores.DESKS);
        alarms = context.getStateStore(QueueStores.ALARMS);
        statsByDay = context.getStateStore(QueueStores.STATS_BY_DAY);
        statsByMinute = context.getStateStore(QueueStores.STATS_BY_MINUTE);
        eventIds = context.getStateStore(QueueStores.EVENT_IDS);
        offices = context.getStateStore(DirectoryStores.OFFICES);
        policies = context.getStateStore(DirectoryStores.POLICIES);
        context.schedule(config.alarmCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkAllAlarms);
        context.schedule(CLEANUP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetStaleTickets);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String officeId = record.key();
        SpecificRecord event = record.value();
        if (!firstDelivery(officeId, event)) {
            return;
        }
        long at = record.timestamp();
        Set<String> touchedQueues = new HashSet<>();
        SpecificRecord payload = Envelope.payload(event);
        if (payload instanceof TicketIssued issued) {
            onIssued(officeId, issued, at, touchedQueues);
        } else if (payload instanceof TicketCalled called) {
            onCalled(officeId, called, at, touchedQueues);
        } else if (payload instanceof ServiceStarted started) {
            onServiceStarted(officeId, started.getTicketId(), at);
        } else if (payload instanceof ServiceEnded ended) {
            onClosed(officeId, ended.getTicketId(), at, true, touchedQueues);
        } else if (payload instanceof TicketTransferred transferred) {
            onTransferred(officeId, transferred, at, touchedQueues);
        } else if (payload instanceof TicketCancelled cancelled) {
            onClosed(officeId, cancelled.getTicketId(), at, false, touchedQueues);
        } else if (payload instanceof NoShow noShow) {
            onClosed(officeId, noShow.getTicketId(), at, false, touchedQueues);
        } else if (payload instanceof DeskOpened opened) {
            desks.put(Keys.of(officeId, opened.getDeskId()),
                    new DeskState(opened.getDeskId(), List.copyOf(opened.getQueueIds()), at));
        } else if (payload instanceof DeskClosed closed) {
            desks.delete(Keys.of(officeId, closed.getDeskId()));
        }
        // Priority offers and pauses are measured by the priority concern (P1, Q5).
        long now = context.currentSystemTimeMs();
        for (String queueId : touchedQueues) {
            checkAlarm(officeId, queueId, now);
        }
    }

    /** Redelivered events (same source and eventId) are dropped: they must count once. */
    private boolean firstDelivery(String officeId, SpecificRecord event) {
        String key = Keys.of(officeId, Envelope.source(event), Envelope.eventId(event));
        long now = context.currentSystemTimeMs();
        try (WindowStoreIterator<Long> seen = eventIds.fetch(key, now - config.dedupeRetention().toMillis(), now)) {
            if (seen.hasNext()) {
                return false;
            }
        }
        eventIds.put(key, now, now);
        return true;
    }

    private void onIssued(String officeId, TicketIssued issued, long at, Set<String> touched) {
        String key = Keys.of(officeId, issued.getTicketId());
        TicketState known = tickets.get(key);
        if (known != null && known.getIssuedAt() == null && known.getCalledAt() != null) {
            // The call overtook the issue: complete the wait now, the ticket never waits in line.
            known.setQueueId(issued.getQueueId());
            known.setIssuedAt(at);
            known.setWaitingSince(at);
            known.setPriorityCategory(issued.getPriorityCategory().name());
            recordWait(officeId, known, known.getCalledAt());
            save(key, known);
            return;
        }
        if (known != null) {
            // Ticket numbers restart every day: a new issue replaces a visit that never closed.
            leaveLine(officeId, known, touched);
        }
        TicketState ticket = TicketState.newBuilder()
                .setTicketId(issued.getTicketId())
                .setQueueId(issued.getQueueId())
                .setPriorityCategory(issued.getPriorityCategory().name())
                .setIssuedAt(at)
                .setWaitingSince(at)
                .build();
        joinLine(officeId, ticket, touched);
        save(key, ticket);
    }

    private void onCalled(String officeId, TicketCalled called, long at, Set<String> touched) {
        String key = Keys.of(officeId, called.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(called.getTicketId()).build();
        }
        ticket.setDeskId(called.getDeskId());
        if (ticket.getCalledAt() == null) {
            // Recalls and repeated calls do not end the wait a second time.
            ticket.setCalledAt(at);
            if (ticket.getWaitingSince() != null) {
                recordWait(officeId, ticket, at);
                leaveLine(officeId, ticket, touched);
            }
        }
        save(key, ticket);
    }

    private void onServiceStarted(String officeId, String ticketId, long at) {
        String key = Keys.of(officeId, ticketId);
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(ticketId).build();
        }
        if (ticket.getServiceStartedAt() == null) {
            ticket.setServiceStartedAt(at);
        }
        save(key, ticket);
    }

    private void onClosed(String officeId, String ticketId, long at, boolean served, Set<String> touched) {
        String key = Keys.of(officeId, ticketId);
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            return;
        }
        Long start = ticket.getServiceStartedAt() != null ? ticket.getServiceStartedAt() : ticket.getCalledAt();
        if (served && start != null && ticket.getQueueId() != null) {
            recordSample(officeId, ticket.getQueueId(), QueueStores.SERVICE, at - start, at);
        }
        leaveLine(officeId, ticket, touched);
        tickets.delete(key);
    }

    /** A transferred client starts a new wait in the target queue (Q4 counts the transfer itself). */
    private void onTransferred(String officeId, TicketTransferred transferred, long at, Set<String> touched) {
        String key = Keys.of(officeId, transferred.getTicketId());
        TicketState ticket = tickets.get(key);
        if (ticket == null) {
            ticket = TicketState.newBuilder().setTicketId(transferred.getTicketId()).setIssuedAt(at).build();
        } else {
            leaveLine(officeId, ticket, touched);
        }
        ticket.setQueueId(transferred.getToQueueId());
        ticket.setWaitingSince(at);
        ticket.setCalledAt(null);
        ticket.setDeskId(null);
        ticket.setServiceStartedAt(null);
        joinLine(officeId, ticket, touched);
        save(key, ticket);
    }

    private void save(String key, TicketState ticket) {
        ticket.setTouchedAt(context.currentSystemTimeMs());
        tickets.put(key, ticket);
    }

    private void joinLine(String officeId, TicketState ticket, Set<String> touched) {
        String lineKey = Keys.of(officeId, ticket.getQueueId());
        WaitingLine line = WaitingLine.fromState(lines.get(lineKey));
        line.join(ticket.getTicketId(), ticket.getWaitingSince());
        lines.put(lineKey, line.toState());
        touched.add(ticket.getQueueId());
    }

    private void leaveLine(String officeId, TicketState ticket, Set<String> touched) {
        if (ticket.getQueueId() == null) {
            return;
        }
        String lineKey = Keys.of(officeId, ticket.getQueueId());
        WaitingLine line = WaitingLine.fromState(lines.get(lineKey));
        if (line.leave(ticket.getTicketId())) {
            lines.put(lineKey, line.toState());
            touched.add(ticket.getQueueId());
        }
    }

    private void recordWait(String officeId, TicketState ticket, long calledAt) {
        if (ticket.getQueueId() != null) {
            recordSample(officeId, ticket.getQueueId(), QueueStores.WAIT, calledAt - ticket.getWaitingSince(), calledAt);
        }
    }

    /** Adds one duration to the minute window and to the office-local day it ended in. */
    private void recordSample(String officeId, String queueId, String measure, long millis, long at) {
        String key = Keys.of(officeId, queueId, measure);
        long minute = at - Math.floorMod(at, MINUTE.toMillis());
        DurationSketch inMinute = DurationSketch.fromState(statsByMinute.fetch(key, minute));
        inMinute.add(millis);
        statsByMinute.put(key, inMinute.toState(), minute);

        LocalDate day = Instant.ofEpochMilli(at).atZone(office(officeId).zone()).toLocalDate();
        String dayKey = Keys.of(officeId, queueId, measure, day.toString());
        DurationSketch inDay = DurationSketch.fromState(statsByDay.get(dayKey));
        inDay.add(millis);
        statsByDay.put(dayKey, inDay.toState());
    }

    private OfficeInfo office(String officeId) {
        return OfficeInfo.lookup(offices, officeId);
    }

    private void checkAllAlarms(long now) {
        List<KeyValue<String, WaitingLineState>> all = new ArrayList<>();
        try (KeyValueIterator<String, WaitingLineState> it = lines.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, WaitingLineState> entry : all) {
            checkAlarm(Keys.part(entry.key, 0), Keys.part(entry.key, 1), WaitingLine.fromState(entry.value), now);
        }
    }

    private void checkAlarm(String officeId, String queueId, long now) {
        checkAlarm(officeId, queueId, WaitingLine.fromState(lines.get(Keys.of(officeId, queueId))), now);
    }

    private void checkAlarm(String officeId, String queueId, WaitingLine line, long now) {
        String alarmKey = Keys.of(officeId, queueId);
        QueueAlarmState active = alarms.get(alarmKey);
        OfficeInfo office = office(officeId);
        EffectivePolicy policy = office.queuePolicy(policies, queueId);
        Duration longest = Duration.ofMillis(line.longestWaitMillis(now));
        switch (ExcessiveQueueRule.evaluate(line.size(), longest, policy.queueWaitingLimit(),
                policy.queueLongestWait(), active != null)) {
            case RAISE -> {
                QueueAlarmState raised = new QueueAlarmState(
                        "QUEUE_EXCESSIVE:" + officeId + ":" + queueId + ":" + now, now);
                alarms.put(alarmKey, raised);
                emit(officeId, queueId, raised, AlertState.RAISED, line.size(), longest, policy, now);
            }
            case CLEAR -> {
                alarms.delete(alarmKey);
                emit(officeId, queueId, active, AlertState.CLEARED, line.size(), longest, policy, now);
            }
            case NONE -> {
            }
        }
    }

    private void emit(String officeId, String queueId, QueueAlarmState alarm, AlertState state, int waiting,
            Duration longest, EffectivePolicy policy, long now) {
        String message = state == AlertState.RAISED
                ? "Queue " + queueId + " is excessive: " + waiting + " waiting, longest wait "
                        + longest.toMinutes() + " min"
                : "Queue " + queueId + " is back to normal: " + waiting + " waiting, longest wait "
                        + longest.toMinutes() + " min";
        Alert alert = Alert.newBuilder()
                .setAlertId(alarm.getAlertId())
                .setType(AlertType.QUEUE_EXCESSIVE)
                .setRule("Q2")
                .setState(state)
                .setOfficeId(officeId)
                .setSubjectType("queue")
                .setSubjectId(queueId)
                .setRaisedAt(Instant.ofEpochMilli(alarm.getRaisedAt()))
                .setAt(Instant.ofEpochMilli(now))
                .setMessage(message)
                .setDetails(Map.of(
                        "queueId", queueId,
                        "waiting", String.valueOf(waiting),
                        "longestWaitSeconds", String.valueOf(longest.toSeconds()),
                        "waitingLimit", String.valueOf(policy.queueWaitingLimit()),
                        "longestWaitLimitSeconds", String.valueOf(policy.queueLongestWait().toSeconds())))
                .build();
        context.forward(new Record<>(officeId, alert, now), alertsChild);
    }

    /** Tickets nobody closed (a lost event, a terminal switched off) must not wait forever. */
    private void forgetStaleTickets(long now) {
        long cutoff = now - config.staleTicketAfter().toMillis();
        List<KeyValue<String, TicketState>> stale = new ArrayList<>();
        try (KeyValueIterator<String, TicketState> it = tickets.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.getTouchedAt() < cutoff) {
                    stale.add(kv);
                }
            });
        }
        for (KeyValue<String, TicketState> kv : stale) {
            Set<String> touched = new HashSet<>();
            leaveLine(Keys.part(kv.key, 0), kv.value, touched);
            tickets.delete(kv.key);
        }
    }
}
