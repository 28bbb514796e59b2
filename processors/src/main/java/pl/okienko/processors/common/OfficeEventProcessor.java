package pl.okienko.processors.common;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A state processor of office events (every rule's: Q1–Q5, P1, P2, T1–T4, I1, I2, E1–E3, C1): opens its
 * {@link OfficeEventIntake} when its task starts, then {@link #open}s its own stores and timers, and takes each
 * event through the intake (a redelivery counts once) to {@link #onEvent}.
 *
 * @param <C> the concern's settings
 */
public abstract class OfficeEventProcessor<C extends OfficeEventProcessor.Settings>
        implements Processor<String, SpecificRecord, Object, Object> {

    /** What every concern's settings say. */
    public interface Settings {
        /** How long an eventId is remembered to drop redeliveries. */
        Duration dedupeRetention();
    }

    protected final C config;
    private final OfficeEventIntake.Opening opening;
    /** Set when the task starts, before {@link #open}. */
    protected OfficeEventIntake intake;

    /** With the stores and cache of its {@link OfficeEventIntake.Opening}, opened when the task starts. */
    protected OfficeEventProcessor(C config, TopologyStore eventIdsStore, TopologyStore clocksStore,
            long directoryCacheMillis) {
        this.config = config;
        this.opening = new OfficeEventIntake.Opening(eventIdsStore, config.dedupeRetention(), clocksStore,
                directoryCacheMillis);
    }

    @Override
    public final void init(ProcessorContext<Object, Object> context) {
        intake = opening.open(context);
        open();
    }

    @Override
    public final void process(Record<String, SpecificRecord> record) {
        intake.accept(record, this::onEvent);
    }

    @Override
    public void close() {
        if (intake != null) {
            intake.close();
        }
    }

    /** Takes the processor's own stores from the intake and schedules its timers. */
    protected abstract void open();

    /** One event, delivered for the first time: its office, its payload (out of the envelope), its time. */
    protected abstract void onEvent(String officeId, SpecificRecord payload, long at);
}
