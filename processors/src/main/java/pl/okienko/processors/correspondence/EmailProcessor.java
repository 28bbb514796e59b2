package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.events.email.ReadReceiptSent;
import pl.okienko.processors.common.OfficeEventIntake;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.EmailOverdueDetails;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreUpdates;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.schemas.Rule;

/**
 * Keeps each received e-mail's reply clock ({@link EmailClock}, E1, E2), adds what each e-mail
 * contributes to the counters of the office-local day it was received (per mailbox), and raises
 * EMAIL_OVERDUE on the wall clock the moment the date in force passes with no reply, even when no
 * further event arrives; the alert is cleared by the reply, a close, or a holding reply that sets a
 * date still ahead.
 */
final class EmailProcessor implements Processor<String, SpecificRecord, Object, Object> {

    private final CorrespondenceConfig config;
    private final String alertsChild;

    private KeyValueStore<String, EmailState> emails;
    private KeyValueStore<String, EmailDayState> days;
    private DeadlineIndex deadlines;
    private OfficeEventIntake intake;

    EmailProcessor(CorrespondenceConfig config, String alertsChild) {
        this.config = config;
        this.alertsChild = alertsChild;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        intake = OfficeEventIntake.open(context, alertsChild, EmailStore.SEEN_EVENTS,
                config.dedupeRetention(), null, 0);
        emails = intake.store(EmailStore.MESSAGES);
        days = intake.store(EmailStore.STATS_BY_DAY);
        deadlines = intake.deadlineIndex(EmailStore.DEADLINES);
        intake.every(config.deadlineCheckInterval(), this::raiseDue);
        intake.every(CorrespondenceTopology.CLEANUP_INTERVAL, this::forget);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        intake.accept(record, this::onEvent);
    }

    private void onEvent(String officeId, SpecificRecord payload, long at) {
        long now = intake.wallClock();
        String messageId = (String) payload.get(payload.getSchema().getField("messageId").pos());
        String key = Keys.of(officeId, messageId);
        EmailState stored = emails.get(key);
        EmailClock clock = stored == null ? EmailClock.fresh(messageId) : EmailClock.of(stored);
        EmailClock.Counts before = clock.counts();
        Long delayBefore = clock.readReceiptDelay();
        Long firstBefore = clock.firstResponseTime();

        if (payload instanceof EmailReceived received) {
            EffectivePolicy policy = office(officeId).mailboxPolicy(intake.policies(), received.getMailboxId());
            Instant agreed = received.getAgreedReplyBy();
            clock.received(received.getMailboxId(), at, received.getReadReceiptRequested(),
                    agreed == null ? null : agreed.toEpochMilli(), policy.emailReply(), policy.readReceipt());
        } else if (payload instanceof ReadReceiptSent) {
            clock.readReceiptSent(at);
        } else if (payload instanceof HoldingReplySent holding) {
            clock.holdingReply(at, holding.getPromisedBy().toEpochMilli());
        } else if (payload instanceof EmailReplied) {
            clock.replied(at);
        } else if (payload instanceof EmailClosed closed) {
            clock.closed(at, closed.getReason().name());
        }

        countInDay(officeId, clock, before, delayBefore, firstBefore);
        reschedule(officeId, clock, now);
        clock.state().setTouchedAt(now);
        emails.put(key, clock.state());
    }

    private void countInDay(String officeId, EmailClock clock, EmailClock.Counts before, Long delayBefore,
            Long firstBefore) {
        if (!clock.known()) {
            return;
        }
        EmailState s = clock.state();
        String dayKey = dayKey(officeId, office(officeId).zone(), s.getReceivedAt(), s.getMailboxId());
        EmailDayState day = days.get(dayKey);
        if (day == null) {
            day = EmailDayState.newBuilder().build();
        }
        EmailClock.Counts.applyChange(day, before, clock.counts());
        // Durations are added once, when both ends first become known.
        Long delay = clock.readReceiptDelay();
        if (delayBefore == null && delay != null) {
            DurationSketch sketch = DurationSketch.fromState(day.getReadReceiptDelay());
            sketch.add(delay);
            day.setReadReceiptDelay(sketch.toState());
        }
        Long first = clock.firstResponseTime();
        if (firstBefore == null && first != null) {
            DurationSketch sketch = DurationSketch.fromState(day.getFirstResponseTime());
            sketch.add(first);
            day.setFirstResponseTime(sketch.toState());
        }
        days.put(dayKey, day);
    }

    static String dayKey(String officeId, ZoneId zone, long receivedAt, String mailboxId) {
        LocalDate date = Instant.ofEpochMilli(receivedAt).atZone(zone).toLocalDate();
        return Keys.of(officeId, date.toString(), mailboxId);
    }

    /** Keeps the one deadline entry of an open e-mail at its date in force; clears an alert no longer true. */
    private void reschedule(String officeId, EmailClock clock, long now) {
        EmailState s = clock.state();
        Long wanted = clock.open() ? clock.dueAt() + 1 : null;
        if (!Objects.equals(wanted, s.getScheduledDueAt())) {
            deadlines.move(s.getScheduledDueAt(), wanted, officeId, s.getMessageId());
            s.setScheduledDueAt(wanted);
        }
        if (s.getOverdueAlertId() != null && !clock.overdue(now)) {
            emit(officeId, clock, AlertState.CLEARED, now);
            s.setOverdueAlertId(null);
            s.setOverdueRaisedAt(null);
        }
    }

    private void raiseDue(long now) {
        for (DeadlineIndex.Due due : deadlines.takeDue(now)) {
            String key = Keys.of(due.officeId(), due.itemId());
            EmailState s = emails.get(key);
            if (s == null || !Objects.equals(s.getScheduledDueAt(), due.dueAtMillis())) {
                continue;
            }
            s.setScheduledDueAt(null);
            EmailClock clock = EmailClock.of(s);
            if (clock.overdue(now) && s.getOverdueAlertId() == null
                    && clock.dueAt() >= now - config.alertHorizon().toMillis()) {
                s.setOverdueAlertId(AlertFactory.id(AlertType.EMAIL_OVERDUE, due.officeId(),
                        "email", s.getMessageId(), now));
                s.setOverdueRaisedAt(now);
                emit(due.officeId(), clock, AlertState.RAISED, now);
            }
            emails.put(key, s);
        }
    }

    private void emit(String officeId, EmailClock clock, AlertState state, long now) {
        EmailState s = clock.state();
        OfficeInfo office = office(officeId);
        String department = office.departmentOfMailbox(s.getMailboxId());
        String due = Instant.ofEpochMilli(clock.dueAt()).toString();
        String message = state == AlertState.RAISED
                ? "E-mail " + s.getMessageId() + " in mailbox " + s.getMailboxId() + " has no reply; it was due " + due
                : "E-mail " + s.getMessageId() + " in mailbox " + s.getMailboxId() + " is no longer overdue";
        EmailOverdueDetails details = new EmailOverdueDetails(s.getMessageId(), s.getMailboxId(), department,
                Instant.ofEpochMilli(s.getReceivedAt()), Instant.ofEpochMilli(clock.dueAt()), s.getHoldingReplies());
        intake.emit(AlertFactory.step(s.getOverdueAlertId(), AlertType.EMAIL_OVERDUE, Rule.E1, state,
                officeId, "email", s.getMessageId(), s.getOverdueRaisedAt(), now, message, details));
    }

    /** Answered e-mails are kept a while so late events change nothing; orphans (never received) go eventually. */
    private void forget(long now) {
        StoreUpdates.deleteWhere(emails, s -> {
            EmailClock clock = EmailClock.of(s);
            return config.forgettable(clock.known(), clock.open(), now - s.getTouchedAt());
        });
    }

    private OfficeInfo office(String officeId) {
        return intake.office(officeId);
    }
}
