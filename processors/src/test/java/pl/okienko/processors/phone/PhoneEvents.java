package pl.okienko.processors.phone;

import java.time.Instant;

import pl.okienko.processors.OfficeEventsBuilder;
import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;

/** Builds phone events of one office for tests, numbering eventIds. Numbers are given as the phone system writes them. */
final class PhoneEvents extends OfficeEventsBuilder {

    PhoneEvents(String officeId) {
        super(officeId);
    }

    PhoneEvent offered(String callId, String lineId, String callerNumber, Instant at) {
        return event(at, new CallOffered(callId, lineId, callerNumber));
    }

    PhoneEvent answered(String callId, Integer rings, Instant at) {
        return event(at, new CallAnswered(callId, rings, "201"));
    }

    PhoneEvent unanswered(String callId, UnansweredReason reason, Instant at) {
        return event(at, new CallUnanswered(callId, reason));
    }

    PhoneEvent ended(String callId, Instant at) {
        return event(at, new CallEnded(callId, false));
    }

    PhoneEvent endedForAbuse(String callId, Instant at) {
        return event(at, new CallEnded(callId, true));
    }

    PhoneEvent promised(String callbackId, String callId, String number, Instant agreedAt, Instant at) {
        return event(at, new CallbackPromised(callbackId, callId, number, agreedAt));
    }

    PhoneEvent outbound(String callId, String lineId, String number, boolean connected, Instant at) {
        return event(at, new OutboundCall(callId, lineId, number, connected));
    }

    private PhoneEvent event(Instant at, Object payload) {
        return new PhoneEvent(nextEventId("p"), officeId, at, "test-pbx", payload);
    }
}
