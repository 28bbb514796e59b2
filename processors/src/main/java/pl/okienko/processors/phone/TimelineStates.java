package pl.okienko.processors.phone;

import pl.okienko.processors.phone.state.NumberTimeline;
import pl.okienko.processors.phone.state.TimelineMeeting;
import pl.okienko.processors.phone.state.TimelineMissedCall;
import pl.okienko.processors.phone.state.TimelinePromise;

/** A number's {@link CallbackTimeline} (T3, T4) to and from its stored form. */
final class TimelineStates {

    private TimelineStates() {
    }

    static NumberTimeline toState(CallbackTimeline timeline) {
        return new NumberTimeline(
                timeline.missedCalls().stream()
                        .map(m -> new TimelineMissedCall(m.callId(), m.lineId(), m.at(), m.calls())).toList(),
                timeline.meetings().stream().map(m -> new TimelineMeeting(m.at(), m.by().name())).toList(),
                timeline.promises().stream().map(p -> new TimelinePromise(p.obligationId(), p.openedAt())).toList());
    }

    static CallbackTimeline fromState(NumberTimeline state) {
        return new CallbackTimeline(
                state.getMissedCalls().stream()
                        .map(m -> new CallbackTimeline.MissedCall(m.getCallId(), m.getLineId(), m.getAt(), m.getCalls()))
                        .toList(),
                state.getMeetings().stream()
                        .map(m -> new CallbackTimeline.Meeting(m.getAt(), Obligation.MetBy.valueOf(m.getMetBy())))
                        .toList(),
                state.getPromises().stream()
                        .map(p -> new CallbackTimeline.Promise(p.getObligationId(), p.getOpenedAt())).toList());
    }
}
