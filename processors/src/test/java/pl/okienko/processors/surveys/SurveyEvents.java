package pl.okienko.processors.surveys;

import java.time.Instant;
import java.util.Map;

import pl.okienko.events.survey.SurveyChannel;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.processors.OfficeEventsBuilder;

/** Builds survey responses of one office for tests, numbering eventIds. */
final class SurveyEvents extends OfficeEventsBuilder {

    SurveyEvents(String officeId) {
        super(officeId);
    }

    SurveyEvent response(String departmentId, SurveyChannel channel, Map<String, Integer> scores, Instant at) {
        String eventId = nextEventId("survey");
        return SurveyEvent.newBuilder().setEventId(eventId).setOfficeId(officeId).setOccurredAt(at)
                .setSource("kiosk").setPayload(new SurveyResponse("r-" + eventId, channel, departmentId, scores))
                .build();
    }
}
