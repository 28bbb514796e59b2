package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.events.email.ReadReceiptSent;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.EmailOverdueDetails;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
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
final class EmailProcessor extends CorrespondenceProcessor<EmailState, EmailDayState, EmailClock> {

    EmailProcessor(CorrespondenceConfig config) {
        super(config, new Kind<>(EmailStore.MESSAGES, EmailStore.STATS_BY_DAY, EmailStore.DEADLINES,
                EmailStore.SEEN_EVENTS, "messageId", EmailClock::fresh, EmailClock::new, EmailState::getTouchedAt,
                EmailState::setTouchedAt));
    }

    @Override
    protected void change(String officeId, EmailClock clock, SpecificRecord payload, long at) {
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
    }

    private void countInDay(String officeId, EmailClock clock, EmailClock.Counts before, Long delayBefore,
            Long firstBefore) {
        if (!clock.known()) {
            return;
        }
        changeDay(officeId, clock, clock.state().getMailboxId(), () -> EmailDayState.newBuilder().build(), day -> {
            DayCounters.applyChange(day, before, clock.counts());
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
        });
    }

    /** Keeps the one deadline entry of an open e-mail at its date in force; clears an alert no longer true. */
    @Override
    protected void reschedule(String officeId, EmailClock clock, long now) {
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

    @Override
    protected void raiseDue(long now) {
        deadlines.takeDue(now, items::get, (due, key, s) -> {
            if (!Objects.equals(s.getScheduledDueAt(), due.dueAtMillis())) {
                return;
            }
            s.setScheduledDueAt(null);
            EmailClock clock = new EmailClock(s);
            if (clock.overdue(now) && s.getOverdueAlertId() == null
                    && clock.dueAt() >= now - config.alertHorizon().toMillis()) {
                s.setOverdueAlertId(AlertFactory.id(AlertType.EMAIL_OVERDUE, due.officeId(),
                        "email", s.getMessageId(), now));
                s.setOverdueRaisedAt(now);
                emit(due.officeId(), clock, AlertState.RAISED, now);
            }
            items.put(key, s);
        });
    }

    private void emit(String officeId, EmailClock clock, AlertState state, long now) {
        EmailState s = clock.state();
        OfficeInfo office = office(officeId);
        String department = office.mailboxes().departmentOf(s.getMailboxId());
        String due = Instant.ofEpochMilli(clock.dueAt()).toString();
        String message = state == AlertState.RAISED
                ? "E-mail " + s.getMessageId() + " in mailbox " + s.getMailboxId() + " has no reply; it was due " + due
                : "E-mail " + s.getMessageId() + " in mailbox " + s.getMailboxId() + " is no longer overdue";
        EmailOverdueDetails details = new EmailOverdueDetails(s.getMessageId(), s.getMailboxId(), department,
                Instant.ofEpochMilli(s.getReceivedAt()), Instant.ofEpochMilli(clock.dueAt()), s.getHoldingReplies());
        intake.emit(AlertFactory.step(s.getOverdueAlertId(), AlertType.EMAIL_OVERDUE, Rule.E1, state,
                officeId, "email", s.getMessageId(), s.getOverdueRaisedAt(), now, message, details));
    }
}
