package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueIterator;

import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.OfficeEventIntake;
import pl.okienko.processors.common.OfficeEventProcessor;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.common.TopologyStore;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.directory.OfficeInfo;

/**
 * What the e-mail (E1, E2) and complaint (C1, E3) processors share: each event finds its item by
 * {@code officeId|itemId} (or starts it), changes it, moves its deadlines and stores it; the deadlines
 * wait in a {@link DeadlineIndex} looked up on the wall clock every
 * {@link CorrespondenceConfig#deadlineCheckInterval()}; answered items are forgotten a while after
 * ({@link CorrespondenceConfig#forgettable}), their day's counters staying.
 *
 * @param <S> an item's stored state
 * @param <D> the counters of one arrival day
 * @param <I> an item over its stored state
 */
abstract class CorrespondenceProcessor<S, D, I extends CorrespondenceItem<S>>
        extends OfficeEventProcessor<CorrespondenceConfig> {

    /**
     * What sets one kind of item apart.
     *
     * @param items officeId|itemId → the item's state
     * @param days the counters of each office-local arrival day
     * @param deadlines the {@link DeadlineIndex} of the items' moments
     * @param seenEvents the events seen recently, to drop redeliveries
     * @param idField the payload field that names the item, e.g. {@code messageId}
     * @param fresh a new item of an id, before any event about it
     * @param over the item over its stored state
     * @param touchedAt when an event last changed the stored state (wall clock), for forgetting
     * @param touch notes in the stored state that an event changed it now (wall clock)
     */
    record Kind<S, I>(TopologyStore items, TopologyStore days, TopologyStore deadlines, TopologyStore seenEvents,
            String idField, Function<String, I> fresh, Function<S, I> over, ToLongFunction<S> touchedAt,
            ObjLongConsumer<S> touch) {
    }

    /** How many items and days are kept decoded ({@link StateCache}). */
    private static final int CACHED_ITEMS = 16_384;
    private static final int CACHED_DAYS = 4_096;

    private final Kind<S, I> kind;
    /** Kept decoded and written behind, once per commit: an item and a day's counters are bounded. */
    protected StateCache<S, S> items;
    protected StateCache<D, D> days;
    protected DeadlineIndex deadlines;

    CorrespondenceProcessor(CorrespondenceConfig config, Kind<S, I> kind) {
        super(config, kind.seenEvents(), null, DirectoryCache.TTL_MILLIS);
        this.kind = kind;
    }

    @Override
    protected void open() {
        items = StateCache.of(intake.store(kind.items()), CACHED_ITEMS, intake.writes());
        days = StateCache.of(intake.store(kind.days()), CACHED_DAYS, intake.writes());
        deadlines = intake.deadlineIndex(kind.deadlines());
        intake.every(config.deadlineCheckInterval(), this::raiseDue);
        intake.every(CorrespondenceTopology.CLEANUP_INTERVAL, this::forget);
    }

    @Override
    protected final void onEvent(String officeId, SpecificRecord payload, long at) {
        long now = intake.wallClock();
        String itemId = OfficeEventIntake.itemId(payload, kind.idField());
        String key = Keys.of(officeId, itemId);
        S stored = items.get(key);
        I changed = stored == null ? kind.fresh().apply(itemId) : kind.over().apply(stored);
        change(officeId, changed, payload, at);
        reschedule(officeId, changed, now);
        kind.touch().accept(changed.state(), now);
        items.put(key, changed.state());
    }

    /** Applies the event to the item and what it changes to the counters of its arrival day. */
    protected abstract void change(String officeId, I item, SpecificRecord payload, long at);

    /** Keeps the item's deadline entries at its moments in force; clears alerts no longer true. */
    protected abstract void reschedule(String officeId, I item, long now);

    /** Raises the alerts whose moment has come, from the deadlines due by {@code now}. */
    protected abstract void raiseDue(long now);

    /**
     * Changes the counters of the office-local day the item came in, in its {@code unit} (its mailbox or
     * department): {@code officeId|yyyy-MM-dd|unit}, new ones from {@code empty} on the day's first item.
     */
    protected void changeDay(String officeId, I item, String unit, Supplier<D> empty, Consumer<D> change) {
        LocalDate date = Instant.ofEpochMilli(item.cameInAt()).atZone(office(officeId).zone()).toLocalDate();
        String key = Keys.of(officeId, date.toString(), unit);
        days.update(key, empty, change);
    }

    protected OfficeInfo office(String officeId) {
        return intake.office(officeId);
    }

    /** Answered items are kept a while so late events change nothing; orphans (never come in) go eventually. */
    private void forget(long now) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, S> it = items.store().all()) {
            it.forEachRemaining(kv -> {
                if (config.forgettable(kind.over().apply(kv.value), now - kind.touchedAt().applyAsLong(kv.value))) {
                    forgotten.add(kv.key);
                }
            });
        }
        forgotten.forEach(items::delete);
    }
}
