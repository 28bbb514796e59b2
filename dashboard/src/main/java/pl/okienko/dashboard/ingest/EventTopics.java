package pl.okienko.dashboard.ingest;

import java.util.EnumMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.EventFamily;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/** Which catalogue topic each event family goes to (one topic per family, keyed by officeId). */
public final class EventTopics {

    private static final Map<EventFamily, TopicSpec<String, ? extends SpecificRecord>> BY_FAMILY = byFamily();

    private EventTopics() {
    }

    @SuppressWarnings("unchecked")
    public static TopicSpec<String, SpecificRecord> of(EventFamily family) {
        TopicSpec<String, ? extends SpecificRecord> spec = BY_FAMILY.get(family);
        if (spec == null) {
            throw new IllegalStateException("no topic for event family " + family);
        }
        // The family's envelope class is the topic's value type, so the cast cannot fail at run time.
        return (TopicSpec<String, SpecificRecord>) spec;
    }

    private static Map<EventFamily, TopicSpec<String, ? extends SpecificRecord>> byFamily() {
        Map<EventFamily, TopicSpec<String, ? extends SpecificRecord>> map = new EnumMap<>(EventFamily.class);
        map.put(EventFamily.QUEUE, Topics.QUEUE_EVENTS);
        map.put(EventFamily.DESK, Topics.DESK_EVENTS);
        map.put(EventFamily.PHONE, Topics.PHONE_EVENTS);
        map.put(EventFamily.EMAIL, Topics.EMAIL_EVENTS);
        map.put(EventFamily.COMPLAINT, Topics.COMPLAINT_EVENTS);
        map.put(EventFamily.INCIDENT, Topics.INCIDENT_EVENTS);
        map.put(EventFamily.SURVEY, Topics.SURVEY_EVENTS);
        return map;
    }
}
