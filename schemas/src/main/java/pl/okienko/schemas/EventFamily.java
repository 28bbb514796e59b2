package pl.okienko.schemas;

import java.util.Locale;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.survey.SurveyEvent;

/**
 * The event families of the integration contract, each with its generated envelope
 * class. One family per building system and per group of rules (docs/standards.md): queue and desk (Q, P),
 * phone (T, I2), email (E), complaint (C), incident (I), survey (S).
 */
public enum EventFamily {
    QUEUE(QueueEvent.class),
    DESK(DeskEvent.class),
    PHONE(PhoneEvent.class),
    EMAIL(EmailEvent.class),
    COMPLAINT(ComplaintEvent.class),
    INCIDENT(IncidentEvent.class),
    SURVEY(SurveyEvent.class);

    /** The envelope field whose union branch is the event type. */
    public static final String PAYLOAD_FIELD = "payload";

    private final Class<? extends SpecificRecord> envelopeClass;
    private final Schema schema;

    EventFamily(Class<? extends SpecificRecord> envelopeClass) {
        this.envelopeClass = envelopeClass;
        this.schema = SpecificData.get().getSchema(envelopeClass);
    }

    /** The generated envelope class, e.g. {@code QueueEvent}. */
    public Class<? extends SpecificRecord> envelopeClass() {
        return envelopeClass;
    }

    /** The current schema of the envelope. */
    public Schema schema() {
        return schema;
    }

    /** The lower-case family name used in topic names and the API, e.g. {@code queue}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family whose envelope class is the given one. */
    public static Optional<EventFamily> ofEnvelopeClass(Class<?> type) {
        for (EventFamily family : values()) {
            if (family.envelopeClass.equals(type)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /**
     * The family of an envelope record.
     *
     * @throws IllegalArgumentException if the record is not an event envelope
     */
    public static EventFamily of(SpecificRecord envelope) {
        return ofEnvelopeClass(envelope.getClass()).orElseThrow(() -> new IllegalArgumentException(
                envelope.getClass().getName() + " is not an event envelope"));
    }
}
