package pl.okienko.dashboard.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Service;

import pl.okienko.dashboard.platform.kafka.RecordPublisher;
import pl.okienko.dashboard.platform.security.ApiKeyPrincipal;
import pl.okienko.schemas.Envelope;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.EventTopics;

/**
 * Accepts a valid batch of events from one building system: checks the sender may speak
 * for every office and source in it and that the directory holds its offices and their queues, desks,
 * phone lines and mailboxes ({@link DirectoryCheck}), pseudonymises personal fields, and writes all events in one
 * Kafka transaction to their family's topic, keyed by officeId and stamped with {@code occurredAt}.
 * Duplicate eventIds are written as they come; the topologies count each eventId once.
 */
@Service
public record EventIngestService(PersonalData personalData, RecordPublisher publisher, StreamsDirectory directory) {

    /**
     * Writes the batch's events, all or none.
     *
     * @return the number of events written
     * @throws IllegalArgumentException if the batch has invalid lines
     * @throws ForbiddenEventsException if the key may not send some of the events
     * @throws UnknownInDirectoryException if events name an office or unit the directory does not hold
     * @throws RecordPublisher.PublishException if Kafka did not commit the batch
     */
    public int ingest(ApiKeyPrincipal sender, EventBatch batch) {
        if (!batch.valid()) {
            throw new IllegalArgumentException("the batch has invalid lines");
        }
        checkAllowed(sender, batch);
        List<EventBatch.LineError> unknown = DirectoryCheck.problems(batch, directory.forBatch());
        if (!unknown.isEmpty()) {
            throw new UnknownInDirectoryException(unknown);
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.events().size());
        for (EventBatch.Line line : batch.events()) {
            SpecificRecord event = personalData.pseudonymise(line.event());
            records.add(RecordPublisher.record(EventTopics.of(EventFamily.of(event)), Envelope.officeId(event), event,
                    Envelope.occurredAt(event)));
        }
        publisher.publish(records);
        return records.size();
    }

    static void checkAllowed(ApiKeyPrincipal sender, EventBatch batch) {
        Set<String> forbiddenOffices = new TreeSet<>();
        Set<String> foreignSources = new TreeSet<>();
        for (EventBatch.Line line : batch.events()) {
            String officeId = Envelope.officeId(line.event());
            if (!sender.mayWriteFor(officeId)) {
                forbiddenOffices.add(officeId);
            }
            String source = Envelope.source(line.event());
            if (!sender.maySendAs(source)) {
                foreignSources.add(source);
            }
        }
        if (!forbiddenOffices.isEmpty()) {
            throw new ForbiddenEventsException("the API key of source '" + sender.source()
                    + "' may not send events for office " + String.join(", ", forbiddenOffices), forbiddenOffices);
        }
        if (!foreignSources.isEmpty()) {
            throw new ForbiddenEventsException("the API key of source '" + sender.source()
                    + "' may not send events of source " + String.join(", ", foreignSources), Set.of());
        }
    }

    /** The sender's key does not cover an office or source of the batch. */
    public static class ForbiddenEventsException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final Set<String> offices;

        public ForbiddenEventsException(String message, Set<String> offices) {
            super(message);
            this.offices = Set.copyOf(offices);
        }

        /** The offices the key may not send events for (empty when only the source was wrong). */
        public Set<String> offices() {
            return offices;
        }
    }
}
