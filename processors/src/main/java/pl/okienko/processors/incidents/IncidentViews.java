package pl.okienko.processors.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Office;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.incidents.state.IncidentCounts;
import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.processors.period.DayEntries;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;

/** Reads the incident views (I1) from the incident topology's stores: open incidents, alerts and day measures. */
public final class IncidentViews {

    private static final Comparator<IncidentView> NEWEST_FIRST = Comparator
            .comparing(IncidentView::reportedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed()
            .thenComparing(IncidentView::incidentId);

    /** Unacknowledged first, then acknowledged; each oldest alert first. */
    private static final Comparator<IncidentView> CONSOLE_ORDER = Comparator
            .comparing((IncidentView v) -> v.acknowledgedBy() != null)
            .thenComparing(IncidentView::alertRaisedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final StoreAccess stores;

    public IncidentViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** The office's open incidents and today's measures (today in the office's time zone). */
    public OfficeIncidentsView live(String officeId, Instant now) {
        LocalDate today = now.atZone(zone(officeId)).toLocalDate();
        OfficeIncidentsView day = day(officeId, today);
        List<IncidentView> open = incidents(officeId).stream().filter(IncidentView::open).sorted(NEWEST_FIRST)
                .toList();
        return new OfficeIncidentsView(officeId, today, now, open, day.office(), day.desks());
    }

    /** One office-local day's measures of the office and each desk. */
    public OfficeIncidentsView day(String officeId, LocalDate date) {
        return measures(officeId, Period.day(date));
    }

    /**
     * The measures (I1) of a period of office-local days, and per day, ISO week or month with a granularity: the
     * days' counts added and their time-to-acknowledge and time-to-resolve sketches merged; each figure's
     * {@code date} is its first day.
     */
    public PeriodView<OfficeIncidentsView> period(String officeId, Period period, Granularity granularity) {
        return PeriodView.of(period, granularity, part -> Optional.of(measures(officeId, part))).orElseThrow();
    }

    private OfficeIncidentsView measures(String officeId, Period part) {
        Map<String, Tally> byScope = new TreeMap<>();
        ReadOnlyKeyValueStore<String, IncidentCounts> counts = stores.keyValueStore(IncidentStore.COUNTS_BY_DAY);
        DayEntries.byDayPrefix(counts, officeId, part).forEach(part,
                (key, scopeCounts) -> byScope.computeIfAbsent(Keys.part(key, 2), k -> new Tally()).add(scopeCounts));
        ReadOnlyKeyValueStore<String, SketchState> durations = stores.keyValueStore(IncidentStore.DURATIONS_BY_DAY);
        DayEntries.byDayPrefix(durations, officeId, part).forEach(part, (key, sketch) -> {
            Tally scope = byScope.get(Keys.part(key, 2));
            if (scope != null) {
                scope.add(Keys.part(key, 3), DurationSketch.fromState(sketch));
            }
        });
        Tally office = byScope.get(IncidentProcessor.OFFICE_SCOPE);
        List<OfficeIncidentsView.DeskIncidents> desks = new ArrayList<>();
        byScope.forEach((scope, tally) -> {
            if (scope.startsWith(IncidentProcessor.DESK_SCOPE_PREFIX)) {
                desks.add(new OfficeIncidentsView.DeskIncidents(
                        scope.substring(IncidentProcessor.DESK_SCOPE_PREFIX.length()), tally.toStats()));
            }
        });
        return new OfficeIncidentsView(officeId, part.from(), null, List.of(),
                office == null ? IncidentDayStats.EMPTY : office.toStats(), desks);
    }

    /**
     * The security console (I1): the incidents whose alert is on it (raised, raised again or acknowledged), and the day's
     * log: every incident first reported today (each office's own day at {@code now}), open or resolved,
     * alerting or not, newest first. One scan of the store gives both.
     *
     * @param offices the offices to show, or empty for every office
     */
    public ConsoleView console(Optional<Set<String>> offices, Instant now) {
        List<IncidentView> alerts = new ArrayList<>();
        List<IncidentView> log = new ArrayList<>();
        Map<String, ZoneId> zones = new TreeMap<>();
        ReadOnlyKeyValueStore<String, IncidentState> store = stores.keyValueStore(IncidentStore.STATE);
        try (KeyValueIterator<String, IncidentState> it = store.all()) {
            it.forEachRemaining(kv -> {
                String officeId = Keys.part(kv.key, 0);
                if (!offices.map(ids -> ids.contains(officeId)).orElse(true)) {
                    return;
                }
                IncidentView view = toView(officeId, kv.value);
                if (view.alerting()) {
                    alerts.add(view);
                }
                ZoneId zone = zones.computeIfAbsent(officeId, this::zone);
                if (view.reportedAt() != null
                        && view.reportedAt().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
                    log.add(view);
                }
            });
        }
        alerts.sort(CONSOLE_ORDER);
        log.sort(NEWEST_FIRST);
        return new ConsoleView(List.copyOf(alerts), List.copyOf(log));
    }

    /**
     * What the security console shows (I1).
     *
     * @param alerts the incidents whose alert is raised or acknowledged, unacknowledged first, each oldest first
     * @param log every incident first reported today in the offices shown, newest first
     */
    public record ConsoleView(List<IncidentView> alerts, List<IncidentView> log) {

        /** Nothing needs anyone: no incident is open on the console. */
        public boolean allClear() {
            return alerts.isEmpty();
        }
    }

    /** One incident of an office by its id, while the live store holds it (open, or resolved recently). */
    public Optional<IncidentView> incident(String officeId, String incidentId) {
        ReadOnlyKeyValueStore<String, IncidentState> store = stores.keyValueStore(IncidentStore.STATE);
        return Optional.ofNullable(store.get(Keys.of(officeId, incidentId))).map(s -> toView(officeId, s));
    }

    /** The incident an INCIDENT alert is about. */
    public Optional<IncidentView> byAlertId(String alertId) {
        ReadOnlyKeyValueStore<String, IncidentState> store = stores.keyValueStore(IncidentStore.STATE);
        try (KeyValueIterator<String, IncidentState> it = store.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                String officeId = Keys.part(kv.key, 0);
                if (alertId.equals(kv.value.getAlertId())) {
                    return Optional.of(toView(officeId, kv.value));
                }
            }
        }
        return Optional.empty();
    }

    /** Every incident the live store holds for an office (open and recently resolved). */
    public List<IncidentView> incidents(String officeId) {
        List<IncidentView> result = new ArrayList<>();
        ReadOnlyKeyValueStore<String, IncidentState> store = stores.keyValueStore(IncidentStore.STATE);
        Keys.scan(store, Keys.officePrefix(officeId), (key, incident) -> result.add(toView(officeId, incident)));
        return result;
    }

    private ZoneId zone(String officeId) {
        ReadOnlyKeyValueStore<String, Office> offices = stores.keyValueStore(DirectoryStores.OFFICES);
        return OfficeInfo.lookup(offices, officeId).zone();
    }

    /** One office's or desk's counts and durations, added up over days. */
    private static final class Tally {
        private long incidents;
        private final Map<Integer, Long> byLevel = new TreeMap<>();
        private long panicButtons;
        private long policeEscalations;
        private long reraises;
        private final DurationSketch acknowledge = new DurationSketch();
        private final DurationSketch resolve = new DurationSketch();

        void add(IncidentCounts c) {
            incidents += c.getIncidents();
            c.getByLevel().forEach((level, n) -> byLevel.merge(Integer.valueOf(level), n, Long::sum));
            panicButtons += c.getPanicButtons();
            policeEscalations += c.getPoliceEscalations();
            reraises += c.getReraises();
        }

        void add(String measure, DurationSketch durations) {
            if (IncidentProcessor.ACKNOWLEDGE.equals(measure)) {
                acknowledge.merge(durations);
            } else if (IncidentProcessor.RESOLVE.equals(measure)) {
                resolve.merge(durations);
            }
        }

        IncidentDayStats toStats() {
            return new IncidentDayStats(incidents, byLevel, panicButtons, policeEscalations, reraises,
                    acknowledge.toStats(), resolve.toStats());
        }
    }

    static IncidentView toView(String officeId, IncidentState s) {
        return new IncidentView(officeId, s.getIncidentId(), s.getAlertId(), s.getLevel(), s.getPanic(),
                s.getDeskId(), s.getDepartmentId(), s.getLocation(), s.getChannel(), s.getEscalation(),
                s.getReraises(), instant(s.getReportedAt()), s.getAlertState(), instant(s.getAlertRaisedAt()),
                s.getAcknowledgedBy(), instant(s.getAcknowledgedAt()), instant(s.getResolvedAt()), s.getOutcome(),
                s.getResolvedBy(), s.getNote(), instant(s.getPoliceNotifiedAt()), s.getPoliceNotifiedBy());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
