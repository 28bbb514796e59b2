package pl.okienko.topics;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.EventFamily;

/**
 * Which catalogue topic each event family goes to: one topic per family, keyed by officeId. The switch names every
 * family, so a new family does not compile until it has its topic.
 */
public final class EventTopics {

    private EventTopics() {
    }

    @SuppressWarnings("unchecked")
    public static TopicSpec<String, SpecificRecord> of(EventFamily family) {
        TopicSpec<String, ? extends SpecificRecord> spec = switch (family) {
            case QUEUE -> Topics.QUEUE_EVENTS;
            case DESK -> Topics.DESK_EVENTS;
            case PHONE -> Topics.PHONE_EVENTS;
            case EMAIL -> Topics.EMAIL_EVENTS;
            case COMPLAINT -> Topics.COMPLAINT_EVENTS;
            case INCIDENT -> Topics.INCIDENT_EVENTS;
            case SURVEY -> Topics.SURVEY_EVENTS;
        };
        // The family's envelope class is the topic's value type, so the cast cannot fail at run time.
        return (TopicSpec<String, SpecificRecord>) spec;
    }
}
