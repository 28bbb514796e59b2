package pl.okienko.processors.common;

import java.time.Duration;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.directory.PolicyWatch;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.whatif.OverriddenPolicies;
import pl.okienko.processors.whatif.ReplayScope;
import pl.okienko.schemas.Envelope;

/**
 * The start-up every office-event state processor shares, written once: its stores, the directory and
 * policies (global stores), the office clocks of the rules that wait for time to pass (P1, Q2, I1), the
 * idempotency check of redelivered events (EventIds) and the alerts sent. The contract check itself runs
 * before, in {@link DecodeProcessor}; {@link EventTopology} wires both. Each {@link OfficeEventProcessor} holds one.
 */
public final class OfficeEventIntake {

    private final ProcessorContext<Object, Object> context;
    private final EventIds eventIds;
    private final OfficeClocks clocks;
    private final DirectoryCache directory;
    private final PolicyWatch policyWatch;
    private final KeyValueStore<String, Office> offices;
    private final ReadOnlyKeyValueStore<String, Policy> policies;
    /** Set in a what-if replay only (issue 15): its policies carry the override and it sends no alert. */
    private final ReplayScope replay;
    /** The cached stores' writes of the event or punctuation being processed, made when it is done. */
    private final EventWrites writes;

    private OfficeEventIntake(ProcessorContext<Object, Object> context, EventIds eventIds, OfficeClocks clocks,
            EventWrites writes, long directoryCacheMillis) {
        this.context = context;
        this.writes = writes;
        this.eventIds = eventIds;
        this.clocks = clocks;
        this.offices = context.getStateStore(DirectoryStores.OFFICES);
        this.replay = ReplayScope.of(context.appConfigs()).orElse(null);
        KeyValueStore<String, Policy> stored = context.getStateStore(DirectoryStores.POLICIES);
        this.policies = replay == null ? stored : new OverriddenPolicies(stored, replay);
        this.directory = new DirectoryCache(offices, policies, directoryCacheMillis);
        this.policyWatch = new PolicyWatch(offices, policies);
    }

    /**
     * What a processor's intake is opened with, when its task starts.
     *
     * @param eventIdsStore the name given to {@link EventIds#storeBuilders(String)}
     * @param dedupeRetention how long an eventId is remembered to drop redeliveries
     * @param clocksStore the store of {@link OfficeClocks#storeBuilder(String)}, or null for a processor whose
     *     rules run on the wall clock alone
     * @param directoryCacheMillis how long a decoded office and policy are kept; 0 reads them for every use
     */
    public record Opening(TopologyStore eventIdsStore, Duration dedupeRetention, TopologyStore clocksStore,
            long directoryCacheMillis) {

        public OfficeEventIntake open(ProcessorContext<Object, Object> context) {
            EventWrites writes = writes(context, WriteBehind.storeName(eventIdsStore.prefix()));
            EventIds ids = new EventIds(context, eventIdsStore.storeName(), dedupeRetention, writes);
            OfficeClocks clocks = clocksStore == null ? null
                    : new OfficeClocks(context.getStateStore(clocksStore.storeName()), writes);
            return new OfficeEventIntake(context, ids, clocks, writes, directoryCacheMillis);
        }
    }

    /**
     * Written behind, once per commit, when the topology connects the processor to its {@link WriteBehind} store;
     * otherwise at the end of each event.
     */
    private static EventWrites writes(ProcessorContext<Object, Object> context, String commitPoint) {
        WriteBehind behind;
        try {
            behind = WriteBehind.open(context, commitPoint);
        } catch (StreamsException notConnected) {
            return EventWrites.deferred();
        }
        return behind == null ? EventWrites.deferred() : EventWrites.behind(behind);
    }

    /** What a state processor does with one event: its office, its payload (out of the envelope), its time. */
    @FunctionalInterface
    public interface EventHandler {
        void on(String officeId, SpecificRecord payload, long at);
    }

    /**
     * The id of the item a payload is about, under {@code field} (messageId, complaintId, incidentId, callId: each
     * family's payloads share it); null when the payload has no such field.
     */
    public static String itemId(SpecificRecord payload, String field) {
        Schema.Field f = payload.getSchema().getField(field);
        return f == null ? null : (String) payload.get(f.pos());
    }

    /** Hands the record's event to {@code handler} the first time it is delivered; a redelivery counts once. */
    public void accept(Record<String, SpecificRecord> record, EventHandler handler) {
        if (firstDelivery(record)) {
            writes.around(() -> handler.on(record.key(), Envelope.payload(record.value()), record.timestamp()));
        }
    }

    /** True the first time the record's event is seen (office, source, eventId); a redelivery counts once. */
    public boolean firstDelivery(Record<String, SpecificRecord> record) {
        return eventIds.firstDelivery(record.key(), record.value(), wallClock());
    }

    public long wallClock() {
        return context.currentSystemTimeMs();
    }

    /** Moves the office's clock to an event at {@code eventTime}; returns the office's time. */
    public RuleTime observe(String officeId, long eventTime) {
        return clocks.observe(officeId, eventTime, wallClock());
    }

    /** The office's time now. */
    public RuleTime time(String officeId) {
        return time(officeId, wallClock());
    }

    /** The office's time at the wall-clock instant {@code wallClock} (a punctuation's). */
    public RuleTime time(String officeId, long wallClock) {
        return clocks.time(officeId, wallClock);
    }

    public OfficeInfo office(String officeId) {
        return directory.office(officeId, wallClock());
    }

    public EffectivePolicy queuePolicy(String officeId, String queueId) {
        return directory.queuePolicy(officeId, queueId, wallClock());
    }

    /** A department's thresholds, or the office's when {@code departmentId} is null. */
    public EffectivePolicy departmentPolicy(String officeId, String departmentId) {
        return directory.departmentPolicy(officeId, departmentId, wallClock());
    }

    /**
     * True when the office's directory entry or policies changed since the last call for it (false at the first);
     * a change also drops the office's cached policies, so what follows reads the new ones.
     */
    public boolean policyChanged(String officeId) {
        boolean changed = policyWatch.changed(officeId);
        if (changed) {
            directory.forget(officeId);
        }
        return changed;
    }

    public ReadOnlyKeyValueStore<String, Office> offices() {
        return offices;
    }

    public ReadOnlyKeyValueStore<String, Policy> policies() {
        return policies;
    }

    /** The processor's task closes (whatever is written is in the stores, or discarded with the task). */
    public void close() {
        writes.close();
    }

    /** Where the processor's cached stores ({@link StateCache}) hold an event's writes until it is done. */
    public EventWrites writes() {
        return writes;
    }

    public <V> KeyValueStore<String, V> store(String name) {
        return context.getStateStore(name);
    }

    public <V> KeyValueStore<String, V> store(TopologyStore store) {
        return store(store.storeName());
    }

    public DeadlineIndex deadlineIndex(TopologyStore store) {
        return new DeadlineIndex(store(store));
    }

    /** Runs {@code punctuator} every {@code interval} of wall-clock time. */
    public void every(Duration interval, Punctuator punctuator) {
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, at -> writes.around(() -> punctuator.punctuate(at)));
    }

    /**
     * Publishes one alert step, keyed by its office and stamped with its time, to the processor's one child: the
     * alert sink {@link EventTopology} feeds from every state processor. A what-if replay sends none: the live
     * application raised the period's alerts when they were due.
     */
    public void emit(Alert alert) {
        if (replay != null) {
            return;
        }
        context.forward(new Record<>(alert.getOfficeId(), alert, alert.getAt().toEpochMilli()));
    }
}
