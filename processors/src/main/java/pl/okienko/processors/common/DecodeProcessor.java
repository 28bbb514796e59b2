package pl.okienko.processors.common;

import java.time.Instant;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import pl.okienko.processors.whatif.ReplayScope;
import pl.okienko.schemas.Envelope;
import pl.okienko.schemas.EventContract;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * First step of every event topology: decodes the raw value, checks the contract and forwards
 * the event with its event time (occurredAt) as the record timestamp. A record that cannot be
 * read or breaks the contract goes to the dead-letter child with the reason; the stream goes on. In a what-if
 * replay ({@link ReplayScope}) only the replayed office's events of the period go on, and nothing is dead-lettered.
 */
public final class DecodeProcessor<T extends SpecificRecord> implements Processor<String, byte[], Object, Object> {

    private final String name;
    private final AvroSerde<T> serde;
    private final String eventsChild;
    private final String deadLetterChild;
    private ProcessorContext<Object, Object> context;
    /** Set in a what-if replay only (issue 15): the one office and period it recomputes. */
    private ReplayScope replay;

    /**
     * @param name this processor's name (recorded on dead letters)
     * @param eventsChild the child node that receives valid events
     * @param deadLetterChild the dead-letter sink node
     */
    public DecodeProcessor(String name, AvroSerde<T> serde, String eventsChild, String deadLetterChild) {
        this.name = name;
        this.serde = serde;
        this.eventsChild = eventsChild;
        this.deadLetterChild = deadLetterChild;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.replay = ReplayScope.of(context.appConfigs()).orElse(null);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (replay != null && !replay.officeId().equals(record.key())) {
            // another office's record, not decoded at all: most of what a replay reads
            return;
        }
        if (record.value() == null) {
            deadLetter(record, "empty value (tombstones are not events)");
            return;
        }
        Optional<String> tooLarge = EventContract.checkSize(record.value().length);
        if (tooLarge.isPresent()) {
            deadLetter(record, tooLarge.get());
            return;
        }
        T event;
        try {
            event = serde.fromBytes(record.value());
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        Optional<String> broken = ContractCheck.check(record.key(), event,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        if (broken.isPresent()) {
            deadLetter(record, broken.get());
            return;
        }
        long eventTime = Envelope.occurredAt(event).toEpochMilli();
        if (replay != null && !replay.covers(record.key(), eventTime)) {
            return;
        }
        context.forward(new Record<>(record.key(), event, eventTime, record.headers()), eventsChild);
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        if (replay != null) {
            // the live application dead-lettered it already
            return;
        }
        context.forward(DeadLetters.of(context, name, record.key(), record.value(), record.timestamp(), reason),
                deadLetterChild);
    }
}
