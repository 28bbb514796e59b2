package pl.okienko.processors.phone;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.processors.common.OfficeEventIntake;
import pl.okienko.processors.common.OfficeEventProcessor;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.CallbackOverdueDetails;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.common.StoreSweep;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.phone.state.CallState;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.phone.state.ForgottenCallbacks;
import pl.okienko.processors.phone.state.NumberTimeline;
import pl.okienko.processors.phone.state.OpenCallbacks;
import pl.okienko.processors.phone.state.PhoneCounts;
import pl.okienko.schemas.PersonalData;

/**
 * Keeps each office's calls and callback obligations: counts offered, answered within target or
 * later (T1), unanswered by reason (T2), talk time and calls ended for abuse (I2) by line and
 * office-local hour of the offer; opens callback obligations for missed calls with a number (T3)
 * and promised callbacks (T4), meets them with outbound calls and answered inbound calls, and raises
 * CALLBACK_OVERDUE on the wall clock when one passes its due time with no event at all, clearing it
 * when the obligation is met. Which missed calls make one obligation and which call met it are decided
 * by event time from the number's {@link CallbackTimeline}, so events arriving in another order within
 * {@link PhoneConfig#lateWindow()} give the same obligations. A met obligation is forgotten once
 * {@link PhoneConfig#metCallbackRetention()} has passed ({@link Obligation#forgetAt}), found through a
 * time-ordered index; an open one never is.
 *
 * <p>A call's fields fill in whatever order its events arrive; it is counted once its offer is
 * known. An answer is classified once, against the line's policy in force when it is counted, so a
 * policy change during the day applies to calls answered from then on and never rewrites the past.
 *
 * <p>Numbers arrive pseudonymised by the ingestion API; one written straight to Kafka in clear is
 * pseudonymised here before it is stored, so no store ever holds a raw number.
 */
final class PhoneStateProcessor extends OfficeEventProcessor<PhoneConfig> {

    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);
    /** Obligations looked at per clean-up by the one pass that finds those met before the forget index existed. */
    private static final int SWEEP_CHUNK = 10_000;

    /** The line part of the hour keys ({@link #hourKey}) for outbound calls that name no line. */
    static final String NO_LINE = "-";

    private final PersonalData personalData;

    /** How many values each cached store keeps decoded ({@link StateCache}): a busy office's calls and numbers. */
    private static final int CACHED_CALLS = 16_384;
    private static final int CACHED_HOURS = 4_096;
    private static final int CACHED_NUMBERS = 16_384;

    /**
     * Kept decoded and written behind, once per commit ({@link StateCache}): the stores every call touches, whose
     * values are bounded by their own classes.
     */
    private StateCache<CallState, CallState> calls;
    private StateCache<PhoneCounts, PhoneCounts> statsByHour;
    private StateCache<CallbackState, CallbackState> callbacks;
    /**
     * Kept decoded, but written at the end of each event: a number's open obligations and timeline grow with its
     * calls, so a value too large for its store must fail the event that made it, not the commit.
     */
    private StateCache<OpenCallbacks, OpenCallbacks> openByNumber;
    private StateCache<NumberTimeline, CallbackTimeline> timelines;
    private DeadlineIndex deadlines;
    private DeadlineIndex forgetMet;
    private KeyValueStore<String, ForgottenCallbacks> forgottenByDay;
    private StoreSweep<CallbackState> unindexedCallbacks;
    /** The latest event time processed since start; what is older than it by the late window is settled. */
    private long streamTime = Long.MIN_VALUE;

    PhoneStateProcessor(PhoneConfig config, PersonalData personalData) {
        super(config, PhoneStore.SEEN_EVENTS, null, DirectoryCache.TTL_MILLIS);
        this.personalData = personalData;
    }

    @Override
    protected void open() {
        EventWrites writes = intake.writes();
        calls = StateCache.of(intake.store(PhoneStore.CALLS), CACHED_CALLS, writes);
        statsByHour = StateCache.of(intake.store(PhoneStore.STATS_BY_HOUR), CACHED_HOURS, writes);
        callbacks = StateCache.of(intake.store(PhoneStore.CALLBACKS), CACHED_CALLS, writes);
        openByNumber = StateCache.eachEvent(intake.store(PhoneStore.CALLBACKS_OPEN), Function.identity(),
                Function.identity(), CACHED_NUMBERS, writes);
        timelines = StateCache.eachEvent(intake.store(PhoneStore.CALLBACK_TIMELINES), TimelineStates::fromState,
                TimelineStates::toState, CACHED_NUMBERS, writes);
        deadlines = intake.deadlineIndex(PhoneStore.CALLBACK_DEADLINES);
        forgetMet = intake.deadlineIndex(PhoneStore.CALLBACKS_FORGET);
        forgottenByDay = intake.store(PhoneStore.CALLBACKS_FORGOTTEN_BY_DAY);
        unindexedCallbacks = new StoreSweep<>(callbacks.store(), SWEEP_CHUNK);
        intake.every(config.deadlineCheckInterval(), this::checkDeadlines);
        intake.every(CLEANUP_INTERVAL, this::cleanUp);
    }

    @Override
    protected void onEvent(String officeId, SpecificRecord payload, long at) {
        streamTime = Math.max(streamTime, at);
        if (payload instanceof CallbackPromised promised) {
            onPromised(officeId, promised, at);
        } else if (payload instanceof OutboundCall outbound) {
            String lineId = outbound.getLineId() == null ? NO_LINE : outbound.getLineId();
            count(officeId, lineId, at, c -> {
                c.setOutboundAttempts(c.getOutboundAttempts() + 1);
                if (outbound.getConnected()) {
                    c.setOutboundConnected(c.getOutboundConnected() + 1);
                }
            });
            meetObligations(officeId, pseudonym(outbound.getCalleeNumber()), at, outbound.getConnected()
                    ? Obligation.MetBy.CALLBACK_CONNECTED : Obligation.MetBy.CALLBACK_NOT_CONNECTED);
        } else {
            String callId = OfficeEventIntake.itemId(payload, "callId");
            if (callId != null) {
                CallState call = call(officeId, callId);
                record(officeId, call, payload, at);
                settle(officeId, call);
            }
        }
    }

    /** One of the call's own events (offered, answered, unanswered, ended): the first of each kind counts. */
    private void record(String officeId, CallState call, SpecificRecord payload, long at) {
        if (payload instanceof CallOffered offered && call.getOfferedAt() == null) {
            call.setOfferedAt(at);
            call.setLineId(offered.getLineId());
            call.setCallerNumber(pseudonym(offered.getCallerNumber()));
            count(officeId, call.getLineId(), at, c -> c.setOffered(c.getOffered() + 1));
        } else if (payload instanceof CallAnswered answered && call.getAnsweredAt() == null) {
            call.setAnsweredAt(at);
            call.setRings(answered.getRings());
        } else if (payload instanceof CallUnanswered unanswered && call.getUnansweredAt() == null) {
            call.setUnansweredAt(at);
            call.setUnansweredReason(unanswered.getReason().name());
        } else if (payload instanceof CallEnded ended && call.getEndedAt() == null) {
            call.setEndedAt(at);
            call.setEndedForAbuse(ended.getEndedForAbuse());
        }
    }


    private String pseudonym(String number) {
        return number == null || number.isBlank() ? null : personalData.pseudonym(number);
    }

    private CallState call(String officeId, String callId) {
        CallState call = calls.get(Keys.of(officeId, callId));
        return call != null ? call : CallState.newBuilder().setCallId(callId).build();
    }

    /** Counts what the call's known events allow, once each; forgets the call when nothing more can come of it. */
    private void settle(String officeId, CallState call) {
        String key = Keys.of(officeId, call.getCallId());
        if (call.getOfferedAt() == null) {
            // The offer gives the line, the number and the hour every figure is filed under: wait for it.
            save(key, call);
            return;
        }
        long offeredAt = call.getOfferedAt();
        if (call.getAnsweredAt() != null && !call.getAnswerCounted()) {
            long delay = Math.max(0, call.getAnsweredAt() - offeredAt);
            EffectivePolicy policy = office(officeId).linePolicy(intake.policies(), call.getLineId());
            boolean within = AnswerTarget.withinTarget(call.getRings(), delay, policy);
            count(officeId, call.getLineId(), offeredAt, c -> {
                if (within) {
                    c.setAnsweredWithinTarget(c.getAnsweredWithinTarget() + 1);
                } else {
                    c.setAnsweredLater(c.getAnsweredLater() + 1);
                }
                c.setAnswerDelaySumMillis(c.getAnswerDelaySumMillis() + delay);
                c.setAnswerDelayMaxMillis(Math.max(c.getAnswerDelayMaxMillis(), delay));
            });
            call.setAnswerCounted(true);
            if (call.getCallerNumber() != null) {
                meetObligations(officeId, call.getCallerNumber(), call.getAnsweredAt(), Obligation.MetBy.CALLER_ANSWERED);
            }
        }
        if (call.getUnansweredAt() != null && call.getAnsweredAt() == null && !call.getUnansweredCounted()) {
            String reason = call.getUnansweredReason();
            count(officeId, call.getLineId(), offeredAt, c -> {
                switch (reason) {
                    case "ABANDONED" -> c.setAbandoned(c.getAbandoned() + 1);
                    case "BUSY" -> c.setBusy(c.getBusy() + 1);
                    default -> c.setNoAnswer(c.getNoAnswer() + 1);
                }
            });
            call.setUnansweredCounted(true);
            if (call.getCallerNumber() != null) {
                openMissedCall(officeId, call);
            }
        }
        if (call.getAnswerCounted() && call.getEndedAt() != null) {
            long talk = Math.max(0, call.getEndedAt() - call.getAnsweredAt());
            boolean abuse = call.getEndedForAbuse();
            count(officeId, call.getLineId(), offeredAt, c -> {
                c.setTalks(c.getTalks() + 1);
                c.setTalkSumMillis(c.getTalkSumMillis() + talk);
                if (abuse) {
                    c.setEndedForAbuse(c.getEndedForAbuse() + 1);
                }
            });
            calls.delete(key);
        } else if (call.getUnansweredCounted()) {
            calls.delete(key);
        } else {
            save(key, call);
        }
    }

    private void save(String key, CallState call) {
        call.setTouchedAt(intake.wallClock());
        calls.put(key, call);
    }

    /** Adds to the counts of a line in the office-local hour of {@code at}. */
    private void count(String officeId, String lineId, long at, Consumer<PhoneCounts> change) {
        String key = hourKey(officeId, lineId == null ? NO_LINE : lineId, at, office(officeId).zone());
        statsByHour.update(key, () -> PhoneCounts.newBuilder().build(), change);
    }

    static String hourKey(String officeId, String lineId, long at, ZoneId zone) {
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(zone);
        return Keys.of(officeId, local.toLocalDate().toString(), lineId, Keys.padded(local.getHour(), 2));
    }

    private void openMissedCall(String officeId, CallState call) {
        CallbackTimeline.MissedCall missed = new CallbackTimeline.MissedCall(call.getCallId(), call.getLineId(),
                call.getUnansweredAt(), 1);
        changeTimeline(officeId, call.getCallerNumber(), timeline -> timeline.withMissedCall(missed));
    }

    private void onPromised(String officeId, CallbackPromised promised, long at) {
        String id = Obligation.idOf(Obligation.Kind.PROMISED, promised.getCallbackId());
        // A repeated promise is recognised while its obligation is kept: open, or met within the retention.
        if (callbacks.get(Keys.of(officeId, id)) != null) {
            return;
        }
        String lineId = null;
        if (promised.getCallId() != null) {
            CallState call = calls.get(Keys.of(officeId, promised.getCallId()));
            lineId = call == null ? null : call.getLineId();
        }
        EffectivePolicy policy = office(officeId).linePolicy(intake.policies(), lineId);
        Obligation obligation = Obligation.forPromise(promised.getCallbackId(), promised.getCallId(), lineId,
                pseudonym(promised.getCallerNumber()), at, promised.getDueAt().toEpochMilli(), policy.callbackGrace());
        callbacks.put(Keys.of(officeId, id), obligation.toState());
        // One millisecond after the due time: met exactly at the due time is still on time.
        deadlines.schedule(obligation.dueAt() + 1, officeId, id);
        // A callback made before the promise arrived meets it at once.
        CallbackTimeline.Promise promise = new CallbackTimeline.Promise(id, at);
        changeTimeline(officeId, obligation.number(), timeline -> timeline.withPromise(promise));
    }

    private Map<String, Obligation> openObligations(String officeId, String number) {
        Map<String, Obligation> result = new LinkedHashMap<>();
        OpenCallbacks index = openByNumber.get(Keys.of(officeId, number));
        if (index != null) {
            for (String id : index.getKeys()) {
                var state = callbacks.get(Keys.of(officeId, id));
                if (state != null) {
                    result.put(id, Obligation.fromState(state));
                }
            }
        }
        return result;
    }

    /** Records a call that meets the number's obligations opened by {@code at} (T3, T4). */
    private void meetObligations(String officeId, String number, long at, Obligation.MetBy by) {
        if (number == null) {
            return;
        }
        CallbackTimeline.Meeting meeting = new CallbackTimeline.Meeting(at, by);
        changeTimeline(officeId, number, timeline -> timeline.withMeeting(meeting));
    }

    /**
     * Adds an event to the number's timeline and brings its obligations to what the timeline decides
     * ({@link CallbackTimeline}): by event time, so the order the events arrived in within the late window
     * changes nothing. An obligation a late, earlier missed call took over is removed; one a late, earlier
     * meeting call met is met at that call's time.
     */
    private void changeTimeline(String officeId, String number, UnaryOperator<CallbackTimeline> change) {
        String key = Keys.of(officeId, number);
        CallbackTimeline before = timeline(officeId, number);
        CallbackTimeline after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        List<CallbackTimeline.Decided> decided = after.obligations();
        Set<String> ids = decided.stream().map(CallbackTimeline.Decided::obligationId).collect(Collectors.toSet());
        for (CallbackTimeline.Decided was : before.obligations()) {
            if (!ids.contains(was.obligationId())) {
                drop(officeId, was.obligationId());
            }
        }
        List<String> open = new ArrayList<>();
        for (CallbackTimeline.Decided obligation : decided) {
            if (bringTo(officeId, number, obligation)) {
                open.add(obligation.obligationId());
            }
        }
        if (open.isEmpty()) {
            openByNumber.delete(key);
        } else {
            openByNumber.put(key, new OpenCallbacks(open));
        }
        saveTimeline(key, after.prunedBefore(settledBefore()));
    }

    /** The number's timeline; for a number known only from state older than timelines, its open obligations. */
    private CallbackTimeline timeline(String officeId, String number) {
        CallbackTimeline stored = timelines.get(Keys.of(officeId, number));
        if (stored != null) {
            return stored;
        }
        CallbackTimeline seeded = CallbackTimeline.empty();
        for (Obligation open : openObligations(officeId, number).values()) {
            CallbackState s = open.toState();
            seeded = open.kind() == Obligation.Kind.MISSED_CALL
                    ? seeded.withMissedCall(new CallbackTimeline.MissedCall(s.getCallId(), s.getLineId(),
                            s.getOpenedAt(), s.getMissedCalls()))
                    : seeded.withPromise(new CallbackTimeline.Promise(open.id(), s.getOpenedAt()));
        }
        return seeded;
    }

    private void saveTimeline(String key, CallbackTimeline timeline) {
        if (timeline.isEmpty()) {
            timelines.delete(key);
        } else {
            timelines.put(key, timeline);
        }
    }

    /**
     * Event times before this are settled: behind the latest event time by more than the late window. The
     * latest event time counts at most up to the wall clock, so one event stamped in the future cannot make
     * every true one late.
     */
    private long settledBefore() {
        if (streamTime == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return Math.min(streamTime, intake.wallClock()) - config.lateWindow().toMillis();
    }

    /**
     * Makes the stored obligation what the timeline decided: opens a new one, sets its missed calls, meets it.
     *
     * @return whether it is open
     */
    private boolean bringTo(String officeId, String number, CallbackTimeline.Decided decided) {
        String key = Keys.of(officeId, decided.obligationId());
        CallbackState stored = callbacks.get(key);
        Obligation obligation;
        if (stored != null) {
            obligation = Obligation.fromState(CallbackState.newBuilder(stored).build());
        } else if (decided.kind() == Obligation.Kind.MISSED_CALL) {
            CallbackTimeline.MissedCall first = decided.first();
            OfficeInfo office = office(officeId);
            EffectivePolicy policy = office.linePolicy(intake.policies(), first.lineId());
            obligation = Obligation.forMissedCall(first.callId(), first.lineId(), number, first.at(),
                    office.calendar(), policy.callbackDelay());
            if (decided.met() == null) {
                deadlines.schedule(obligation.dueAt() + 1, officeId, obligation.id());
            }
        } else {
            // A promise forgotten since: nothing left to change.
            return false;
        }
        obligation.missedCalls(decided.missedCalls());
        if (decided.met() != null) {
            meet(officeId, obligation, decided.met());
        }
        if (!obligation.toState().equals(stored)) {
            callbacks.put(key, obligation.toState());
        }
        return obligation.isOpen();
    }

    /** Meets an obligation, or moves its meeting to an earlier call that arrived late; clears its overdue alert. */
    private void meet(String officeId, Obligation obligation, CallbackTimeline.Meeting met) {
        Duration retention = config.metCallbackRetention();
        if (obligation.isOpen()) {
            obligation.meet(met.at(), met.by());
            deadlines.cancel(obligation.dueAt() + 1, officeId, obligation.id());
            if (obligation.alertId() != null) {
                emit(officeId, obligation, AlertState.CLEARED, intake.wallClock());
                obligation.alertCleared();
            }
        } else if (obligation.metAt() != met.at() || !met.by().name().equals(obligation.toState().getMetBy())) {
            forgetMet.cancel(obligation.forgetAt(retention), officeId, obligation.id());
            obligation.metInstead(met.at(), met.by());
        } else {
            return;
        }
        forgetMet.schedule(obligation.forgetAt(retention), officeId, obligation.id());
    }

    /** Removes an obligation a late, earlier missed call of the same number took over (T3). */
    private void drop(String officeId, String obligationId) {
        String key = Keys.of(officeId, obligationId);
        CallbackState stored = callbacks.get(key);
        if (stored == null) {
            return;
        }
        Obligation obligation = Obligation.fromState(stored);
        if (obligation.isOpen()) {
            deadlines.cancel(obligation.dueAt() + 1, officeId, obligationId);
        } else {
            forgetMet.cancel(obligation.forgetAt(config.metCallbackRetention()), officeId, obligationId);
        }
        if (obligation.alertId() != null) {
            emit(officeId, obligation, AlertState.CLEARED, intake.wallClock());
        }
        callbacks.delete(key);
    }

    /** Wall clock: obligations whose due time passed with nobody calling back (T3/T4). */
    private void checkDeadlines(long now) {
        deadlines.takeDue(now, callbacks::get, (due, key, state) -> {
            Obligation obligation = Obligation.fromState(state);
            if (!obligation.isOpen() || !obligation.markOverdue()) {
                return;
            }
            // A replay of old records finds long-past deadlines: count them overdue, but alert only when someone can act.
            if (now - obligation.dueAt() <= config.alertHorizon().toMillis()) {
                obligation.alertRaised(AlertFactory.id(AlertType.CALLBACK_OVERDUE, due.officeId(), "callback",
                        obligation.id(), now), now);
                emit(due.officeId(), obligation, AlertState.RAISED, now);
            }
            callbacks.put(key, obligation.toState());
        });
    }

    private void emit(String officeId, Obligation obligation, AlertState state, long now) {
        CallbackDetails d = CallbackDetails.of(obligation, office(officeId).zone());
        String message;
        if (state == AlertState.RAISED) {
            message = "Callback overdue (" + obligation.kind().rule() + "): " + d.what() + ", due " + d.due();
        } else if (obligation.isOpen()) {
            // Cleared while open: an earlier missed call of the same number, arrived late, took it over.
            message = "Callback obligation taken over by an earlier missed call (" + obligation.kind().rule() + "): "
                    + d.what() + ", was due " + d.due();
        } else {
            message = "Callback made (" + obligation.kind().rule() + "): " + d.what() + ", was due " + d.due();
        }
        var stored = obligation.toState();
        CallbackOverdueDetails details = new CallbackOverdueDetails(obligation.id(), obligation.kind().name(),
                Instant.ofEpochMilli(obligation.dueAt()), Instant.ofEpochMilli(obligation.openedAt()),
                stored.getMissedCalls(), stored.getLineId(), stored.getMetBy());
        intake.emit(AlertFactory.step(obligation.alertId(), AlertType.CALLBACK_OVERDUE, obligation.kind().rule(), state,
                officeId, "callback", obligation.id(), obligation.alertRaisedAt(), now, message, details));
    }

    private OfficeInfo office(String officeId) {
        return intake.office(officeId);
    }

    private void cleanUp(long now) {
        // the sweep of met obligations reads their store: what the events since the last commit wrote goes in first
        callbacks.store();
        forgetStaleCalls(now);
        forgetMetCallbacks(now);
        pruneTimelines();
    }

    /** Drops what the late window has passed from every number's timeline, and a number with nothing left. */
    private void pruneTimelines() {
        long settled = settledBefore();
        if (settled == Long.MIN_VALUE) {
            return;
        }
        Map<String, CallbackTimeline> changed = new LinkedHashMap<>();
        try (KeyValueIterator<String, NumberTimeline> it = timelines.store().all()) {
            it.forEachRemaining((KeyValue<String, NumberTimeline> kv) -> {
                CallbackTimeline timeline = TimelineStates.fromState(kv.value);
                CallbackTimeline pruned = timeline.prunedBefore(settled);
                if (!pruned.equals(timeline)) {
                    changed.put(kv.key, pruned);
                }
            });
        }
        changed.forEach(this::saveTimeline);
    }

    /** Calls nobody finished (a lost event, a switched-off exchange) must not ring forever. */
    private void forgetStaleCalls(long now) {
        long cutoff = now - config.staleCallAfter().toMillis();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, CallState> it = calls.store().all()) {
            it.forEachRemaining((KeyValue<String, CallState> kv) -> {
                if (kv.value.getTouchedAt() < cutoff) {
                    stale.add(kv.key);
                }
            });
        }
        stale.forEach(calls::delete);
    }

    /**
     * Met obligations past their retention, read from the forget index: only what is due, never the
     * whole store. Those met before the index existed have no entry in it; one pass over the store, a
     * chunk per clean-up, forgets or indexes them.
     */
    private void forgetMetCallbacks(long now) {
        forgetMet.takeDue(now, callbacks::get, (due, key, state) -> forgetOrIndex(due.officeId(), key, state, now));
        unindexedCallbacks.next((key, stored) -> {
            // read again: the store does not have this punctuation's own writes yet (one just forgotten above)
            CallbackState state = callbacks.get(key);
            if (state != null) {
                forgetOrIndex(Keys.part(key, 0), key, state, now);
            }
        });
    }

    /** Forgets a met obligation whose time has come, else makes sure the index holds its time; open ones stay. */
    private void forgetOrIndex(String officeId, String key, CallbackState state, long now) {
        Obligation obligation = Obligation.fromState(state);
        if (obligation.isOpen()) {
            return;
        }
        // Computed again, not taken from the index entry: a retention changed since then applies.
        long forgetAt = obligation.forgetAt(config.metCallbackRetention());
        if (forgetAt <= now) {
            archive(officeId, state);
            callbacks.delete(key);
        } else if (!forgetMet.isScheduled(forgetAt, officeId, obligation.id())) {
            forgetMet.schedule(forgetAt, officeId, obligation.id());
        }
    }

    /** Adds a met obligation about to be forgotten to its due day's figures, which stay (T3, T4). */
    private void archive(String officeId, CallbackState state) {
        String key = forgottenKey(officeId, state, office(officeId).zone());
        ForgottenCallbacks day = forgottenByDay.get(key);
        if (day == null) {
            day = ForgottenCallbacks.newBuilder().build();
        }
        if (state.getMetAt() <= state.getDueAt()) {
            day.setMetOnTime(day.getMetOnTime() + 1);
        } else {
            day.setMetLate(day.getMetLate() + 1);
        }
        String metBy = state.getMetBy();
        if (metBy != null && metBy.startsWith("CALLBACK_")) {
            day.setAttempts(day.getAttempts() + 1);
            if (Obligation.MetBy.CALLBACK_CONNECTED.name().equals(metBy)) {
                day.setConnected(day.getConnected() + 1);
            }
        }
        forgottenByDay.put(key, day);
    }

    /** officeId|dueDate (office-local) of an obligation, the key of {@link PhoneStore#CALLBACKS_FORGOTTEN_BY_DAY}. */
    static String forgottenKey(String officeId, CallbackState state, ZoneId zone) {
        return Keys.of(officeId, Instant.ofEpochMilli(state.getDueAt()).atZone(zone).toLocalDate().toString());
    }

    /** What an alert message says about an obligation: never the number. */
    private record CallbackDetails(String what, String due) {
        static CallbackDetails of(Obligation obligation, ZoneId zone) {
            var s = obligation.toState();
            String opened = Instant.ofEpochMilli(s.getOpenedAt()).atZone(zone).toLocalDateTime().toString();
            String what = obligation.kind() == Obligation.Kind.MISSED_CALL
                    ? "missed call " + s.getCallId() + (s.getLineId() == null ? "" : " on line " + s.getLineId())
                            + " at " + opened
                    : "callback promised at " + opened + (s.getLineId() == null ? "" : " on line " + s.getLineId());
            return new CallbackDetails(what,
                    Instant.ofEpochMilli(s.getDueAt()).atZone(zone).toLocalDateTime().toString());
        }
    }
}
