package pl.okienko.processors.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;
import pl.okienko.events.incident.IncidentAcknowledged;
import pl.okienko.events.incident.IncidentEscalated;
import pl.okienko.events.incident.IncidentReported;
import pl.okienko.events.incident.IncidentResolved;
import pl.okienko.events.incident.PanicButton;
import pl.okienko.processors.alerts.AlertFactory;
import pl.okienko.processors.alerts.HotspotDetails;
import pl.okienko.processors.alerts.IncidentDetails;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.common.OfficeEventIntake;
import pl.okienko.processors.common.OfficeEventProcessor;
import pl.okienko.processors.common.RuleTime;
import pl.okienko.processors.common.StoreSweep;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.incidents.state.HotspotState;
import pl.okienko.processors.incidents.state.IncidentCounts;
import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.Rule;

/**
 * Runs each incident's state machine ({@link Incident}, rule I1) on its events and on the wall
 * clock, publishes the INCIDENT and INCIDENT_HOTSPOT alert steps, and keeps per-day measures.
 *
 * <p>The acknowledgement deadline lives in the incident's stored state and in a persistent index of
 * wake-ups ({@link IncidentStore#WAKEUPS}), not in a timer object, so after a restart the first
 * punctuation finds it and raises the alert again on time; each punctuation reads only the incidents
 * whose wake-up is due, however many the store holds.
 *
 * <p>A resolved incident is forgotten {@link IncidentConfig#keepResolved()} after its last event, and
 * with it the ids merged into it ({@code incident-aliases}); an unresolved one that never raised an
 * alert, {@link IncidentConfig#keepUnresolved()} after its last event; one with an alert, never.
 *
 * <p>INCIDENT_HOTSPOT windows move with the office's {@link OfficeClocks clock}: while the office is live,
 * on the wall clock; in a replay, by event time before each of the office's events, so a hotspot is raised
 * at the event time of the event that made it and cleared at the instant its window passed, at any
 * processing speed (the wall clock looks only at the windows of live offices that have some). The INCIDENT
 * acknowledgement timer stays on the wall clock: it calls for people now.
 */
final class IncidentProcessor extends OfficeEventProcessor<IncidentConfig> {

    /** Aliases looked at per punctuation by the one pass that finds those left behind by forgotten incidents. */
    private static final int SWEEP_CHUNK = 1_000;
    /** Incidents looked at per punctuation by the one pass that indexes those stored before the wake-up index. */
    private static final int INDEX_CHUNK = 1_000;

    /** The scope part of the day keys: the whole office, or one desk ({@code desk:ID}). */
    static final String OFFICE_SCOPE = "office";
    static final String DESK_SCOPE_PREFIX = "desk:";
    /** The measure part of the duration keys: reported → acknowledged, reported → resolved. */
    static final String ACKNOWLEDGE = "acknowledge";
    static final String RESOLVE = "resolve";

    private KeyValueStore<String, IncidentState> incidents;
    private KeyValueStore<String, String> aliases;
    private StoreSweep<String> orphanAliases;
    private DeadlineIndex wakeups;
    private StoreSweep<IncidentState> unindexed;
    private KeyValueStore<String, HotspotState> hotspots;
    /**
     * Every office with a hotspot window stored (and perhaps some whose windows have closed since): the wall clock
     * and a replayed event look only at these offices' windows, not at every office's.
     */
    private final Set<String> hotspotOffices = new HashSet<>();
    /** How many days' figures are kept decoded. */
    private static final int CACHED_DAYS = 4_096;
    /** A day's counts and duration sketches, kept decoded and written behind, once per commit ({@link StateCache}). */
    private StateCache<IncidentCounts, IncidentCounts> counts;
    private StateCache<SketchState, DurationSketch> durations;
    private final IncidentListener listener;

    IncidentProcessor(IncidentConfig config, IncidentListener listener) {
        super(config, IncidentStore.SEEN_EVENTS, IncidentStore.OFFICE_CLOCKS, DirectoryCache.TTL_MILLIS);
        this.listener = listener;
    }

    @Override
    protected void open() {
        incidents = intake.store(IncidentStore.STATE);
        aliases = intake.store(IncidentStore.ALIASES);
        orphanAliases = new StoreSweep<>(aliases, SWEEP_CHUNK);
        wakeups = intake.deadlineIndex(IncidentStore.WAKEUPS);
        unindexed = new StoreSweep<>(incidents, INDEX_CHUNK);
        hotspots = intake.store(IncidentStore.HOTSPOTS);
        allHotspots().forEach(kv -> hotspotOffices.add(Keys.part(kv.key, 0)));
        counts = StateCache.of(intake.store(IncidentStore.COUNTS_BY_DAY), CACHED_DAYS, intake.writes());
        durations = new StateCache<>(intake.store(IncidentStore.DURATIONS_BY_DAY), DurationSketch::fromState,
                DurationSketch::toState, CACHED_DAYS, intake.writes());
        intake.every(config.timerInterval(), this::onWallClock);
    }

    @Override
    protected void onEvent(String officeId, SpecificRecord payload, long at) {
        long now = intake.wallClock();
        String incidentId = OfficeEventIntake.itemId(payload, "incidentId");
        if (incidentId == null) {
            return;
        }
        RuleTime time = intake.observe(officeId, at);
        if (!time.live() && hotspotOffices.contains(officeId)) {
            // In a replay the wall clock does not move the office's time: the windows its events moved past
            // close here, before this event is counted in.
            expireHotspots(officeHotspots(officeId), id -> time);
        }
        String canonical = aliases.get(Keys.of(officeId, incidentId));
        if (canonical == null && payload instanceof PanicButton panic) {
            canonical = samePanicAtTheSamePlace(officeId, incidentId, panic, at).orElse(null);
        }
        String id = canonical != null ? canonical : incidentId;
        String key = Keys.of(officeId, id);
        IncidentState stored = incidents.get(key);
        Incident incident = stored == null ? Incident.fresh(id) : Incident.of(stored);
        Snapshot before = Snapshot.of(incident.state());
        Long wakeBefore = stored == null ? null : wakeUp(stored);

        if (payload instanceof IncidentReported reported) {
            incident.reported(reported.getLevel(), reported.getDeskId(), reported.getDepartmentId(),
                    reported.getChannel().name(), at);
        } else if (payload instanceof PanicButton panic) {
            incident.panic(panic.getDeskId(), panic.getLocation(), at);
        } else if (payload instanceof IncidentEscalated escalated) {
            incident.escalated(Rung.parse(escalated.getTo().name()), escalated.getBy(), at);
        } else if (payload instanceof IncidentAcknowledged acknowledged) {
            incident.acknowledged(acknowledged.getBy(), at);
        } else if (payload instanceof IncidentResolved resolved) {
            incident.resolved(resolved.getOutcome().name(), resolved.getBy(), resolved.getNote(), at);
        }
        IncidentState state = incident.state();
        if (state.getDepartmentId() == null && state.getDeskId() != null) {
            state.setDepartmentId(departmentOfDesk(officeId, state.getDeskId()));
        }
        EffectivePolicy policy = policy(officeId, state.getDepartmentId());
        for (Incident.Step step : incident.settle(now, policy.incidentAck())) {
            emitIncident(officeId, state, step, policy);
        }
        measure(officeId, state, before);
        hotspot(officeId, state, policy, time.now());
        save(key, state, wakeBefore);
        listener.changed(officeId);
    }

    /** A panic button is pressed again and again by a frightened clerk: one incident, not three. */
    private Optional<String> samePanicAtTheSamePlace(String officeId, String incidentId, PanicButton panic, long at) {
        String place = panic.getDeskId() != null ? panic.getDeskId() : panic.getLocation();
        if (place == null) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, IncidentState> it = incidents.prefixScan(Keys.officePrefix(officeId),
                Serdes.String().serializer())) {
            while (it.hasNext()) {
                IncidentState open = it.next().value;
                String openPlace = open.getDeskId() != null ? open.getDeskId() : open.getLocation();
                if (open.getPanic() && open.getResolvedAt() == null && place.equals(openPlace)
                        && open.getReportedAt() != null
                        && Math.abs(at - open.getReportedAt()) <= config.panicMergeWindow().toMillis()) {
                    aliases.put(Keys.of(officeId, incidentId), open.getIncidentId());
                    return Optional.of(open.getIncidentId());
                }
            }
        }
        return Optional.empty();
    }


    private void onWallClock(long now) {
        wakeups.takeDue(now, incidents::get, (due, key, state) -> {
            if (forgettable(state, now)) {
                incidents.delete(key);
                forgetAliases(due.officeId(), due.itemId());
                return;
            }
            Long ackDue = state.getAckDueAt();
            if (ackDue != null && ackDue <= now) {
                fireTimer(due.officeId(), key, state, now);
            }
            // Whatever happened, the incident's current wake-up is pending again (takeDue removed the entry).
            schedule(due.officeId(), state);
        });
        // Incidents stored before the wake-up index existed: one pass indexes them.
        unindexed.next((key, state) -> {
            Long wake = wakeUp(state);
            // Read first: after every restart this pass meets incidents already indexed, and a put would be logged.
            if (wake != null && !wakeups.isScheduled(wake, Keys.part(key, 0), state.getIncidentId())) {
                wakeups.schedule(wake, Keys.part(key, 0), state.getIncidentId());
            }
        });
        // Before aliases were forgotten with their incident, they outlived it: one pass finds those.
        orphanAliases.next((key, incidentId) -> {
            if (incidents.get(Keys.of(Keys.part(key, 0), incidentId)) == null) {
                aliases.delete(key);
            }
        });
        for (String officeId : List.copyOf(hotspotOffices)) {
            RuleTime time = intake.time(officeId, now);
            if (!time.live()) {
                // a replayed office's time moves only with its events, whose processing moves its windows
                continue;
            }
            List<KeyValue<String, HotspotState>> found = officeHotspots(officeId);
            if (found.isEmpty()) {
                hotspotOffices.remove(officeId);
            }
            expireHotspots(found, id -> time);
        }
    }

    private void fireTimer(String officeId, String key, IncidentState state, long now) {
        Long wakeBefore = wakeUp(state);
        Incident incident = Incident.of(state);
        EffectivePolicy policy = policy(officeId, state.getDepartmentId());
        Snapshot before = Snapshot.of(state);
        Optional<Incident.Step> step = incident.checkTimer(now, policy.incidentAck());
        if (step.isPresent()) {
            emitIncident(officeId, state, step.get(), policy);
            measure(officeId, state, before);
            countReraise(officeId, state);
        } else {
            // A deadline left on an alert that no longer waits for anyone: drop it rather than wake for it again.
            state.setAckDueAt(null);
        }
        save(key, state, wakeBefore);
        listener.changed(officeId);
    }

    /**
     * When the timer must next look at this incident: its acknowledgement deadline, else when it may be
     * forgotten; null for an acknowledged alert not yet resolved, which stays until its resolution.
     */
    private Long wakeUp(IncidentState state) {
        if (state.getAckDueAt() != null) {
            return state.getAckDueAt();
        }
        if (state.getResolvedAt() != null) {
            return state.getTouchedAt() + config.keepResolved().toMillis() + 1;
        }
        if (state.getAlertId() == null) {
            return state.getTouchedAt() + config.keepUnresolved().toMillis() + 1;
        }
        return null;
    }

    private boolean forgettable(IncidentState state, long now) {
        if (state.getAckDueAt() != null) {
            return false;
        }
        if (state.getResolvedAt() != null) {
            return state.getTouchedAt() + config.keepResolved().toMillis() < now;
        }
        return state.getAlertId() == null && state.getTouchedAt() + config.keepUnresolved().toMillis() < now;
    }

    /**
     * The ids merged into a forgotten incident. Only the office's aliases are read: those of its open and
     * recently resolved incidents, since each goes with its incident.
     */
    private void forgetAliases(String officeId, String incidentId) {
        List<String> merged = new ArrayList<>();
        Keys.scan(aliases, Keys.officePrefix(officeId), (key, mergedInto) -> {
            if (incidentId.equals(mergedInto)) {
                merged.add(key);
            }
        });
        merged.forEach(aliases::delete);
    }

    private List<KeyValue<String, HotspotState>> allHotspots() {
        List<KeyValue<String, HotspotState>> all = new ArrayList<>();
        try (KeyValueIterator<String, HotspotState> it = hotspots.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    private List<KeyValue<String, HotspotState>> officeHotspots(String officeId) {
        List<KeyValue<String, HotspotState>> found = new ArrayList<>();
        Keys.scan(hotspots, Keys.officePrefix(officeId), (key, hotspot) -> found.add(KeyValue.pair(key, hotspot)));
        return found;
    }

    /** Moves each hotspot's window to its office's time; a clear is stamped, in a replay, when the window passed. */
    private void expireHotspots(List<KeyValue<String, HotspotState>> found, Function<String, RuleTime> timeOf) {
        for (KeyValue<String, HotspotState> kv : found) {
            String officeId = Keys.part(kv.key, 0);
            String scope = Keys.part(kv.key, 1);
            String scopeId = Keys.part(kv.key, 2);
            EffectivePolicy policy = policy(officeId, "department".equals(scope) ? scopeId : null);
            Hotspot hotspot = Hotspot.fromState(kv.value);
            RuleTime time = timeOf.apply(officeId);
            long tooFewSince = hotspot.tooFewSince(time.now(), policy.hotspotIncidents(), policy.hotspotWindow());
            int before = hotspot.size();
            boolean cleared = hotspot.expire(time.now(), policy.hotspotIncidents(), policy.hotspotWindow())
                    == Hotspot.Decision.CLEAR;
            if (cleared) {
                // never before its raise: a very late incident can raise a hotspot its window has already passed
                long at = Math.max(hotspot.raisedAt(), time.stamp(tooFewSince));
                emitHotspot(officeId, scope, scopeId, hotspot, AlertState.CLEARED, policy, at);
                hotspot.cleared();
            }
            if (hotspot.empty()) {
                hotspots.delete(kv.key);
            } else if (cleared || hotspot.size() != before) {
                hotspots.put(kv.key, hotspot.toState());
            }
        }
    }

    private void hotspot(String officeId, IncidentState state, EffectivePolicy policy, long now) {
        boolean serious = state.getLevel() >= 2 || state.getPanic();
        if (!serious || state.getHotspotCounted() || state.getReportedAt() == null) {
            return;
        }
        state.setHotspotCounted(true);
        if (state.getDeskId() != null) {
            addToHotspot(officeId, "desk", state.getDeskId(), state, policy, now);
        }
        if (state.getDepartmentId() != null) {
            addToHotspot(officeId, "department", state.getDepartmentId(), state, policy, now);
        }
    }

    private void addToHotspot(String officeId, String scope, String scopeId, IncidentState state,
            EffectivePolicy policy, long now) {
        String key = Keys.of(officeId, scope, scopeId);
        hotspotOffices.add(officeId);
        Hotspot hotspot = Hotspot.fromState(hotspots.get(key));
        if (hotspot.add(state.getIncidentId(), state.getReportedAt(), policy.hotspotIncidents(),
                policy.hotspotWindow()) == Hotspot.Decision.RAISE) {
            hotspot.raised(AlertFactory.id(AlertType.INCIDENT_HOTSPOT, officeId, scope, scopeId, now), now);
            emitHotspot(officeId, scope, scopeId, hotspot, AlertState.RAISED, policy, now);
        }
        hotspots.put(key, hotspot.toState());
    }

    /**
     * Stores the incident and moves its wake-up in the index when it changed; {@code before} is its wake-up as
     * stored (null for a new incident), taken before the change since the state is changed in place.
     */
    private void save(String key, IncidentState state, Long before) {
        state.setTouchedAt(intake.wallClock());
        incidents.put(key, state);
        String officeId = Keys.part(key, 0);
        Long after = wakeUp(state);
        if (before != null && before.equals(after)) {
            // already in the index (a timer that took it out schedules it again itself): writing the same entry
            // again would cost a changelog record
            return;
        }
        if (before != null && !before.equals(after)) {
            wakeups.cancel(before, officeId, state.getIncidentId());
        }
        schedule(officeId, state);
    }

    private void schedule(String officeId, IncidentState state) {
        Long wake = wakeUp(state);
        if (wake != null) {
            wakeups.schedule(wake, officeId, state.getIncidentId());
        }
    }

    // ---- measures (I1: counts by level, time to acknowledge and to resolve, escalations to police)

    /** What had been counted before an event, to count each change once. */
    private record Snapshot(boolean panic, boolean police) {
        static Snapshot of(IncidentState s) {
            return new Snapshot(s.getPanic(), s.getPolice());
        }
    }

    private void measure(String officeId, IncidentState s, Snapshot before) {
        if (s.getReportedAt() == null) {
            return; // an acknowledgement or resolution that overtook the report: counted when the report comes
        }
        if (s.getCountedDay() == null) {
            s.setCountedDay(localDay(officeId, s.getReportedAt()));
            s.setCountedLevel(s.getLevel());
            for (String scope : scopes(s)) {
                update(officeId, s.getCountedDay(), scope, c -> {
                    c.setIncidents(c.getIncidents() + 1);
                    bump(c, s.getLevel(), 1);
                    if (s.getPanic()) {
                        c.setPanicButtons(c.getPanicButtons() + 1);
                    }
                    if (s.getPolice()) {
                        c.setPoliceEscalations(c.getPoliceEscalations() + 1);
                    }
                });
            }
        } else {
            int from = s.getCountedLevel();
            int to = s.getLevel();
            boolean newPanic = s.getPanic() && !before.panic();
            boolean newPolice = s.getPolice() && !before.police();
            if (from != to || newPanic || newPolice) {
                s.setCountedLevel(to);
                for (String scope : scopes(s)) {
                    update(officeId, s.getCountedDay(), scope, c -> {
                        if (from != to) {
                            bump(c, from, -1);
                            bump(c, to, 1);
                        }
                        if (newPanic) {
                            c.setPanicButtons(c.getPanicButtons() + 1);
                        }
                        if (newPolice) {
                            c.setPoliceEscalations(c.getPoliceEscalations() + 1);
                        }
                    });
                }
            }
        }
        if (!s.getAckMeasured() && s.getAcknowledgedAt() != null) {
            s.setAckMeasured(true);
            addDuration(officeId, s, ACKNOWLEDGE, s.getAcknowledgedAt() - s.getReportedAt());
        }
        if (!s.getResolveMeasured() && s.getResolvedAt() != null) {
            s.setResolveMeasured(true);
            addDuration(officeId, s, RESOLVE, s.getResolvedAt() - s.getReportedAt());
        }
    }

    private void countReraise(String officeId, IncidentState s) {
        if (s.getCountedDay() != null) {
            for (String scope : scopes(s)) {
                update(officeId, s.getCountedDay(), scope, c -> c.setReraises(c.getReraises() + 1));
            }
        }
    }

    private static void bump(IncidentCounts c, int level, long by) {
        Map<String, Long> byLevel = new HashMap<>(c.getByLevel());
        byLevel.merge(String.valueOf(level), by, Long::sum);
        byLevel.values().removeIf(v -> v == 0);
        c.setByLevel(byLevel);
    }

    private void update(String officeId, String day, String scope, Consumer<IncidentCounts> change) {
        counts.update(Keys.of(officeId, day, scope), () -> IncidentCounts.newBuilder().build(), change);
    }

    private void addDuration(String officeId, IncidentState s, String measure, long millis) {
        for (String scope : scopes(s)) {
            String key = Keys.of(officeId, s.getCountedDay(), scope, measure);
            durations.update(key, DurationSketch::new, sketch -> sketch.add(millis));
        }
    }

    /** The office, and the desk when known. */
    private static List<String> scopes(IncidentState s) {
        return s.getDeskId() == null ? List.of(OFFICE_SCOPE)
                : List.of(OFFICE_SCOPE, DESK_SCOPE_PREFIX + s.getDeskId());
    }

    private String localDay(String officeId, long at) {
        return Instant.ofEpochMilli(at).atZone(intake.office(officeId).zone()).toLocalDate().toString();
    }

    // ---- directory and policy

    private String departmentOfDesk(String officeId, String deskId) {
        // A desk the directory lists without a department has none.
        return intake.office(officeId).desks().departmentOf(deskId);
    }

    private EffectivePolicy policy(String officeId, String departmentId) {
        return intake.departmentPolicy(officeId, departmentId);
    }

    // ---- alerts

    private void emitIncident(String officeId, IncidentState s, Incident.Step step, EffectivePolicy policy) {
        // An incident has one alert: its id is made at the raise and kept through re-raise, acknowledgement, clear.
        String alertId = s.getAlertId() != null ? s.getAlertId()
                : AlertFactory.id(AlertType.INCIDENT, officeId, "incident", s.getIncidentId(), s.getAlertRaisedAt());
        s.setAlertId(alertId);
        IncidentDetails details = new IncidentDetails(s.getIncidentId(), s.getLevel(), s.getPanic(), s.getDeskId(),
                s.getDepartmentId(), s.getLocation(), s.getChannel(), s.getEscalation(), s.getReraises(),
                policy.incidentAck().toSeconds(),
                s.getReportedAt() == null ? null : Instant.ofEpochMilli(s.getReportedAt()), s.getOutcome());
        Alert alert = AlertFactory.step(alertId, AlertType.INCIDENT, Rule.I1, step.state(), officeId, "incident",
                s.getIncidentId(), s.getAlertRaisedAt(), step.at(), incidentMessage(s, step.state()), details);
        alert.setBy(s.getAcknowledgedBy());
        alert.setAcknowledgedAt(s.getAcknowledgedAt() == null ? null : Instant.ofEpochMilli(s.getAcknowledgedAt()));
        intake.emit(alert);
    }

    private static String incidentMessage(IncidentState s, AlertState state) {
        String what = s.getPanic() ? "Panic button" : "Incident of level " + s.getLevel();
        String where = s.getDeskId() != null ? " at desk " + s.getDeskId()
                : s.getLocation() != null ? " at " + s.getLocation() : "";
        return switch (state) {
            case RAISED -> what + where;
            case RERAISED -> what + where + " not acknowledged: raised again, escalated to " + s.getEscalation();
            case ACKNOWLEDGED -> what + where + " acknowledged by " + s.getAcknowledgedBy();
            case CLEARED -> what + where + " resolved" + (s.getOutcome() == null ? "" : ": " + s.getOutcome());
        };
    }

    private void emitHotspot(String officeId, String scope, String scopeId, Hotspot hotspot, AlertState state,
            EffectivePolicy policy, long now) {
        String message = state == AlertState.RAISED
                ? hotspot.size() + " incidents of level 2 or more at " + scope + " " + scopeId + " within "
                        + policy.hotspotWindow().toMinutes() + " min"
                : "No more incident hotspot at " + scope + " " + scopeId;
        intake.emit(AlertFactory.step(hotspot.alertId(), AlertType.INCIDENT_HOTSPOT, Rule.I1, state, officeId, scope,
                scopeId, hotspot.raisedAt(), now, message, new HotspotDetails(hotspot.size(),
                        policy.hotspotIncidents(), policy.hotspotWindow().toMinutes())));
    }
}
