package pl.okienko.processors.queues;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Office;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.period.DayEntries;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.queues.state.QueueHourState;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.processors.stats.DurationSketch;
import pl.okienko.processors.stats.state.SketchState;

/**
 * The queue views (Q1, Q2) read from the queue topology's stores: live per queue, department and
 * office, and any day's statistics. Department and office figures merge the queues' sketches.
 *
 * <p>"Last 15 minutes" and "last hour" are whole one-minute windows: the current minute and the
 * 14 (or 59) before it.
 */
public final class QueueViews {

    private static final long MINUTE = DayStatistics.MINUTE.toMillis();

    private final StoreAccess stores;
    private final AlertViews alerts;

    public QueueViews(StoreAccess stores, AlertViews alerts) {
        this.stores = stores;
        this.alerts = alerts;
    }

    /** Offices of the directory. */
    public List<Office> offices() {
        List<Office> result = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Office> offices = stores.keyValueStore(DirectoryStores.OFFICES);
        try (KeyValueIterator<String, Office> it = offices.all()) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    /** The live view, or empty when the office is neither in the directory nor has queue data. */
    public Optional<OfficeQueuesView> live(String officeId, Instant now) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        Map<String, WaitingLine> lines = lines(officeId);
        Set<String> queueIds = queueIds(office, lines.keySet());
        if (!office.known() && queueIds.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        List<DeskState> openDesks = openDesks(officeId);
        List<AlertView> active = alerts.alerts(officeId, true);
        long nowMillis = now.toEpochMilli();

        List<LiveParts> queues = new ArrayList<>();
        for (String queueId : queueIds) {
            WaitingLine line = lines.getOrDefault(queueId, WaitingLine.empty());
            queues.add(new LiveParts(queueId, queueName(office, queueId), office.queues().departmentOf(queueId),
                    line.size(), line.longestWaitMillis(nowMillis),
                    (int) openDesks.stream().filter(d -> d.getQueueIds().contains(queueId)).count(),
                    sketches(officeId, queueId, DayStatistics.WAIT, now, today),
                    sketches(officeId, queueId, DayStatistics.SERVICE, now, today)));
        }

        List<QueueLiveView> queueViews = queues.stream()
                .map(q -> q.toView(q.desksOpen, active.stream()
                        .filter(a -> "queue".equals(a.subjectType()) && q.id.equals(a.subjectId())).toList()))
                .toList();
        Map<String, List<LiveParts>> byDepartment = new LinkedHashMap<>();
        queues.stream().filter(q -> q.departmentId != null)
                .forEach(q -> byDepartment.computeIfAbsent(q.departmentId, k -> new ArrayList<>()).add(q));
        List<QueueLiveView> departmentViews = byDepartment.entrySet().stream()
                .map(e -> LiveParts.merge(e.getKey(), office.departmentName(e.getKey()), null, e.getValue())
                        .toView(desksServing(openDesks, e.getValue()), List.of()))
                .toList();
        QueueLiveView officeView = LiveParts.merge(officeId, office.name(), null, queues)
                .toView(openDesks.size(), List.of());
        return Optional.of(new OfficeQueuesView(officeId, office.name(), office.zone().getId(), now, today,
                officeView, departmentViews, queueViews, active));
    }

    /** One office-local day's statistics, or empty when the office is unknown and has no data that day. */
    public Optional<OfficeDayView> day(String officeId, LocalDate date) {
        return dayPeriod(officeId, Period.day(date), null).map(PeriodView::total);
    }

    /**
     * Wait and service times (Q1) over a period of office-local days, and per day, ISO week or month with a
     * granularity: each queue's day sketches merged, so a percentile is of every duration of the period, never an
     * average of the days'; each figure's {@code date} is its first day. Empty when the office is unknown and has no
     * data in the period.
     */
    public Optional<PeriodView<OfficeDayView>> dayPeriod(String officeId, Period period, Granularity granularity) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        DayEntries<SketchState> byDay = DayEntries.byLastPart(stores.keyValueStore(QueueStore.STATS_BY_DAY), officeId,
                period);
        return PeriodView.of(period, granularity, part -> dayView(officeId, office, part, byDay));
    }

    /**
     * Every wait (Q1) of the office's queues in a period, as one sketch: what a comparison of offices merges into its
     * total, so that the total's percentiles are of every wait of every office.
     */
    public DurationSketch waits(String officeId, Period period) {
        DurationSketch waits = new DurationSketch();
        DayEntries.byLastPart(stores.<String, SketchState>keyValueStore(QueueStore.STATS_BY_DAY), officeId, period)
                .forEach(period, (key, state) -> {
                    if (DayStatistics.WAIT.equals(Keys.part(key, 2))) {
                        waits.merge(DurationSketch.fromState(state));
                    }
                });
        return waits;
    }

    private Optional<OfficeDayView> dayView(String officeId, OfficeInfo office, Period part,
            DayEntries<SketchState> byDay) {
        Map<String, DayParts> byQueue = new LinkedHashMap<>();
        office.queues().forEach(q -> byQueue.put(q.getQueueId(), DayParts.empty(office, q.getQueueId())));
        byDay.forEach(part, (key, state) -> {
            DayParts queue = byQueue.computeIfAbsent(Keys.part(key, 1), id -> DayParts.empty(office, id));
            String measure = Keys.part(key, 2);
            if (DayStatistics.WAIT.equals(measure)) {
                queue.waitTime.merge(DurationSketch.fromState(state));
            } else if (DayStatistics.SERVICE.equals(measure)) {
                queue.serviceTime.merge(DurationSketch.fromState(state));
            }
        });
        if (!office.known() && byQueue.isEmpty()) {
            return Optional.empty();
        }
        List<DayParts> queues = List.copyOf(byQueue.values());
        Map<String, List<DayParts>> byDepartment = new LinkedHashMap<>();
        queues.stream().filter(q -> q.departmentId != null)
                .forEach(q -> byDepartment.computeIfAbsent(q.departmentId, k -> new ArrayList<>()).add(q));
        return Optional.of(new OfficeDayView(officeId, office.name(), office.zone().getId(), part.from(),
                DayParts.merge(officeId, office.name(), queues).toView(),
                byDepartment.entrySet().stream()
                        .map(e -> DayParts.merge(e.getKey(), office.departmentName(e.getKey()), e.getValue()).toView())
                        .toList(),
                queues.stream().map(DayParts::toView).toList()));
    }

    /**
     * One office-local day hour by hour (Q1, P1: the day charts), up to {@code now} for today; empty when the office
     * had no queue figures that day. See {@link QueueHours}.
     */
    public List<QueueHourView> hours(String officeId, LocalDate date, Instant now) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        ReadOnlyKeyValueStore<String, QueueHourState> store = stores.keyValueStore(QueueStore.HOURLY_SERIES);
        SortedMap<Integer, QueueHourState> byHour = new TreeMap<>();
        Keys.scan(store, Keys.of(officeId, date.toString()) + Keys.SEPARATOR,
                (key, figures) -> byHour.put(Integer.parseInt(Keys.part(key, 2)), figures));
        return QueueHours.series(byHour, date, office.zone(), now);
    }

    /**
     * Priority service now (P1): the priority clients waiting with their wait and bypasses at
     * {@code now}, and today's fulfilment, call order, outcomes and pauses; empty for an unknown office.
     */
    public Optional<OfficePriorityView> priority(String officeId, Instant now) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        List<PriorityClientView> waiting = new ArrayList<>();
        ReadOnlyKeyValueStore<String, PriorityWaitState> store = stores.keyValueStore(QueueStore.PRIORITY_WAITING);
        ReadOnlyKeyValueStore<String, pl.okienko.directory.Policy> policies =
                stores.keyValueStore(DirectoryStores.POLICIES);
        Keys.scan(store, Keys.officePrefix(officeId), (key, p) -> {
            EffectivePolicy policy = office.queuePolicy(policies, p.getQueueId());
            long waitMillis = Math.max(0, now.toEpochMilli() - p.getSince());
            waiting.add(new PriorityClientView(p.getTicketId(), p.getQueueId(), queueName(office, p.getQueueId()),
                    p.getCategory(), waitMillis / 1000, p.getBypasses(), p.getDeclined(),
                    policy.priorityTargetWait().toSeconds(), waitMillis > policy.priorityTargetWait().toMillis(),
                    p.getAlertId() != null));
        });
        waiting.sort(java.util.Comparator.comparingLong(PriorityClientView::waitSeconds).reversed());
        Period day = Period.day(today);
        return serviceDay(officeId, office, day,
                DayEntries.byLastPart(stores.keyValueStore(QueueStore.DAY_COUNTERS), officeId, day),
                waiting.isEmpty() && !office.known() ? null : waiting, now);
    }

    /** Any office-local day's priority fulfilment, call order, outcomes and pauses. */
    public Optional<OfficePriorityView> priorityDay(String officeId, LocalDate date) {
        return priorityPeriod(officeId, Period.day(date), null).map(PeriodView::total);
    }

    /**
     * Priority fulfilment, call order, outcomes and pauses (P1, P2, Q3, Q4, Q5) over a period of office-local days,
     * and per day, ISO week or month with a granularity: the days' counters added, so every rate is of the summed
     * counts; each figure's {@code date} is its first day.
     */
    public Optional<PeriodView<OfficePriorityView>> priorityPeriod(String officeId, Period period,
            Granularity granularity) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        DayEntries<QueueDayCounters> counters = DayEntries.byLastPart(stores.keyValueStore(QueueStore.DAY_COUNTERS),
                officeId, period);
        return PeriodView.of(period, granularity, part -> serviceDay(officeId, office, part, counters, null, null));
    }

    private Optional<OfficePriorityView> serviceDay(String officeId, OfficeInfo office, Period part,
            DayEntries<QueueDayCounters> counters, List<PriorityClientView> waitingNow, Instant asOf) {
        Map<String, QueueDay> byQueue = new LinkedHashMap<>();
        office.queues().forEach(q -> byQueue.put(q.getQueueId(), QueueDay.empty()));
        counters.forEach(part, (key, day) -> byQueue.computeIfAbsent(Keys.part(key, 1), k -> QueueDay.empty())
                .merge(QueueDay.fromState(day)));
        if (!office.known() && byQueue.isEmpty() && waitingNow == null) {
            return Optional.empty();
        }
        List<ServiceDayView> queues = new ArrayList<>();
        Map<String, QueueDay> byDepartment = new LinkedHashMap<>();
        QueueDay total = QueueDay.empty();
        byQueue.forEach((queueId, day) -> {
            String department = office.queues().departmentOf(queueId);
            queues.add(day.toView(queueId, queueName(office, queueId), department));
            if (department != null) {
                byDepartment.computeIfAbsent(department, k -> QueueDay.empty()).merge(day);
            }
            total.merge(day);
        });
        List<ServiceDayView> departments = byDepartment.entrySet().stream()
                .map(e -> e.getValue().toView(e.getKey(), office.departmentName(e.getKey()), null)).toList();
        return Optional.of(new OfficePriorityView(officeId, office.name(), office.zone().getId(), asOf, part.from(),
                waitingNow == null ? List.of() : waitingNow, total.toView(officeId, office.name(), null),
                departments, queues));
    }

    private Map<String, WaitingLine> lines(String officeId) {
        Map<String, WaitingLine> result = new LinkedHashMap<>();
        ReadOnlyKeyValueStore<String, WaitingLineState> store = stores.keyValueStore(QueueStore.WAITING_LINES);
        Keys.scan(store, Keys.officePrefix(officeId),
                (key, line) -> result.put(Keys.part(key, 1), WaitingLine.fromState(line)));
        return result;
    }

    /**
     * The office's desks now, each serving, calling, paused, idle or closed with its ticket and since when
     * ({@link DeskBoard}); empty when the office is neither in the directory nor has a desk open.
     */
    public Optional<OfficeDesksView> desks(String officeId, Instant now) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        List<DeskState> open = openDesks(officeId);
        if (!office.known() && open.isEmpty()) {
            return Optional.empty();
        }
        List<TicketState> tickets = new ArrayList<>();
        ReadOnlyKeyValueStore<String, TicketState> store = stores.keyValueStore(QueueStore.TICKETS);
        Keys.scan(store, Keys.officePrefix(officeId), (key, ticket) -> tickets.add(ticket));
        return Optional.of(new OfficeDesksView(officeId, office.name(), office.zone().getId(), now,
                DeskBoard.of(office, open, tickets, now)));
    }

    private List<DeskState> openDesks(String officeId) {
        List<DeskState> result = new ArrayList<>();
        ReadOnlyKeyValueStore<String, DeskState> store = stores.keyValueStore(QueueStore.OPEN_DESKS);
        Keys.scan(store, Keys.officePrefix(officeId), (key, desk) -> result.add(desk));
        return result;
    }

    private static Set<String> queueIds(OfficeInfo office, Set<String> withData) {
        Set<String> ids = new LinkedHashSet<>();
        office.queues().forEach(q -> ids.add(q.getQueueId()));
        ids.addAll(withData);
        return ids;
    }

    private static String queueName(OfficeInfo office, String queueId) {
        return office.queues().nameOf(queueId);
    }

    private static int desksServing(List<DeskState> desks, List<LiveParts> queues) {
        return (int) desks.stream()
                .filter(d -> queues.stream().anyMatch(q -> d.getQueueIds().contains(q.id)))
                .count();
    }

    private Sketches sketches(String officeId, String queueId, String measure, Instant now, LocalDate today) {
        String key = Keys.of(officeId, queueId, measure);
        long currentMinute = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), MINUTE);
        ReadOnlyKeyValueStore<String, SketchState> byMinute = stores.keyValueStore(QueueStore.MINUTE_STATS);
        DurationSketch last15 = new DurationSketch();
        DurationSketch lastHour = new DurationSketch();
        Instant hourAgo = Instant.ofEpochMilli(currentMinute - Duration.ofMinutes(59).toMillis());
        long quarterStart = currentMinute - Duration.ofMinutes(14).toMillis();
        MinuteStats.forEach(byMinute, key, hourAgo.toEpochMilli(), currentMinute, (minuteStart, state) -> {
            DurationSketch minute = DurationSketch.fromState(state);
            lastHour.merge(minute);
            if (minuteStart >= quarterStart) {
                last15.merge(minute);
            }
        });
        ReadOnlyKeyValueStore<String, SketchState> byDay = stores.keyValueStore(QueueStore.STATS_BY_DAY);
        DurationSketch day = DurationSketch.fromState(byDay.get(Keys.of(key, today.toString())));
        return new Sketches(last15, lastHour, day);
    }

    private record Sketches(DurationSketch last15, DurationSketch lastHour, DurationSketch today) {
        static Sketches merge(List<Sketches> parts) {
            Sketches sum = new Sketches(new DurationSketch(), new DurationSketch(), new DurationSketch());
            parts.forEach(p -> {
                sum.last15.merge(p.last15);
                sum.lastHour.merge(p.lastHour);
                sum.today.merge(p.today);
            });
            return sum;
        }

        WindowedStats toStats() {
            return new WindowedStats(last15.toStats(), lastHour.toStats(), today.toStats());
        }
    }

    private record LiveParts(String id, String name, String departmentId, int waiting, long longestWaitMillis,
            int desksOpen, Sketches waitTime, Sketches serviceTime) {

        static LiveParts merge(String id, String name, String departmentId, List<LiveParts> parts) {
            return new LiveParts(id, name, departmentId,
                    parts.stream().mapToInt(LiveParts::waiting).sum(),
                    parts.stream().mapToLong(LiveParts::longestWaitMillis).max().orElse(0),
                    0,
                    Sketches.merge(parts.stream().map(LiveParts::waitTime).toList()),
                    Sketches.merge(parts.stream().map(LiveParts::serviceTime).toList()));
        }

        QueueLiveView toView(int desks, List<AlertView> alerts) {
            return new QueueLiveView(id, name, departmentId, waiting, longestWaitMillis / 1000, desks,
                    serviceTime.lastHour.count(), waitTime.toStats(), serviceTime.toStats(), alerts);
        }
    }

    private record DayParts(String id, String name, String departmentId, DurationSketch waitTime, DurationSketch serviceTime) {

        static DayParts empty(OfficeInfo office, String queueId) {
            return new DayParts(queueId, queueName(office, queueId), office.queues().departmentOf(queueId),
                    new DurationSketch(), new DurationSketch());
        }

        static DayParts merge(String id, String name, List<DayParts> parts) {
            DurationSketch wait = new DurationSketch();
            DurationSketch service = new DurationSketch();
            parts.forEach(p -> {
                wait.merge(p.waitTime);
                service.merge(p.serviceTime);
            });
            return new DayParts(id, name, null, wait, service);
        }

        QueueDayStats toView() {
            return new QueueDayStats(id, name, departmentId, waitTime.toStats(), serviceTime.toStats());
        }
    }
}
