package pl.okienko.processors.correspondence;

import java.time.Instant;

import pl.okienko.processors.OfficeEventsBuilder;
import pl.okienko.events.complaint.ComplaintAnswered;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.complaint.ComplaintExtended;
import pl.okienko.events.complaint.ComplaintKind;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.events.email.EmailCloseReason;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.events.email.ReadReceiptSent;

/** Builds e-mail and complaint events of one office for tests, numbering eventIds. */
final class CorrespondenceEvents extends OfficeEventsBuilder {

    CorrespondenceEvents(String officeId) {
        super(officeId);
    }

    EmailEvent received(String messageId, String mailboxId, Instant at, boolean readReceipt) {
        return email(at, new EmailReceived(messageId, mailboxId, "hmac-sender", readReceipt, null));
    }

    EmailEvent readReceipt(String messageId, Instant at) {
        return email(at, new ReadReceiptSent(messageId));
    }

    EmailEvent holding(String messageId, Instant at, Instant promisedBy) {
        return email(at, new HoldingReplySent(messageId, promisedBy));
    }

    EmailEvent replied(String messageId, Instant at) {
        return email(at, new EmailReplied(messageId));
    }

    EmailEvent closed(String messageId, Instant at) {
        return email(at, new EmailClosed(messageId, EmailCloseReason.SPAM));
    }

    ComplaintEvent registered(String complaintId, String departmentId, Instant at) {
        return complaint(at, new ComplaintRegistered(complaintId, ComplaintKind.COMPLAINT, "R-" + complaintId,
                departmentId, null));
    }

    ComplaintEvent extended(String complaintId, Instant at, Instant newDueAt, boolean notified) {
        return complaint(at, new ComplaintExtended(complaintId, newDueAt, null, notified));
    }

    ComplaintEvent answered(String complaintId, Instant at) {
        return complaint(at, new ComplaintAnswered(complaintId));
    }

    private EmailEvent email(Instant at, Object payload) {
        return new EmailEvent(nextEventId("e"), officeId, at, "test-mail", payload);
    }

    private ComplaintEvent complaint(Instant at, Object payload) {
        return new ComplaintEvent(nextEventId("c"), officeId, at, "test-register", payload);
    }
}
