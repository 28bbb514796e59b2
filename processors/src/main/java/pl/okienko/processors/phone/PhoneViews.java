package pl.okienko.processors.phone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Policy;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.period.DayEntries;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.phone.state.CallState;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.phone.state.ForgottenCallbacks;
import pl.okienko.processors.phone.state.OpenCallbacks;
import pl.okienko.processors.phone.state.PhoneCounts;

/**
 * The telephone views (T1–T4, I2) read from the phone topology's stores: the service level per
 * line, department, office and hour, live or for any past day, and the callback list. Department
 * and office figures add up the lines' exact counts and sums.
 */
public final class PhoneViews {

    /** The {@code state} filters of the callback list. */
    public static final Set<String> STATES = Set.of("open", "overdue", "all");

    private final StoreAccess stores;
    private final PhoneConfig config;

    public PhoneViews(StoreAccess stores, PhoneConfig config) {
        this.stores = stores;
        this.config = config;
    }

    /** Today so far and what rings now; empty when the office is neither in the directory nor has phone data. */
    public Optional<OfficePhoneView> live(String officeId, Instant now) {
        OfficeInfo office = office(officeId);
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        long nowMillis = now.toEpochMilli();
        int ringing = 0;
        long oldestRing = nowMillis;
        boolean anyCall = false;
        ReadOnlyKeyValueStore<String, CallState> calls = stores.keyValueStore(PhoneStore.CALLS);
        try (KeyValueIterator<String, CallState> it =
                calls.prefixScan(Keys.officePrefix(officeId), Serdes.String().serializer())) {
            while (it.hasNext()) {
                CallState call = it.next().value;
                anyCall = true;
                Long offeredAt = call.getOfferedAt();
                if (offeredAt != null && call.getAnsweredAt() == null && call.getUnansweredAt() == null
                        && offeredAt <= nowMillis && nowMillis - offeredAt <= config.ringingHorizon().toMillis()) {
                    ringing++;
                    oldestRing = Math.min(oldestRing, offeredAt);
                }
            }
        }
        Period day = Period.day(today);
        Optional<OfficePhoneView> view = view(officeId, office, day, hourly(officeId, day), obligations(officeId), now,
                anyCall);
        int ringingNow = ringing;
        long longestRing = (nowMillis - oldestRing) / 1000;
        return view.map(v -> new OfficePhoneView(v.officeId(), v.officeName(), v.timeZone(), now, today, ringingNow,
                longestRing, v.ringLimit(), v.answerSeconds(), v.office(), v.departments(), v.lines(), v.hours(),
                v.callbacks()));
    }

    /** One office-local day's figures; empty when the office is unknown and has no phone data that day. */
    public Optional<OfficePhoneView> day(String officeId, LocalDate date, Instant now) {
        return period(officeId, Period.day(date), null, now).map(PeriodView::total);
    }

    /**
     * The figures (T1–T4, I2) of a period of office-local days, and per day, ISO week or month with a granularity:
     * the hourly counts and sums of the days added, so every rate and mean is of the summed counts; the callback
     * figures of the obligations due in each part. Each figure's {@code date} is its first day; {@code hours} are
     * by hour of day over all its days.
     */
    public Optional<PeriodView<OfficePhoneView>> period(String officeId, Period period, Granularity granularity,
            Instant now) {
        OfficeInfo office = office(officeId);
        DayEntries<PhoneCounts> hourly = hourly(officeId, period);
        List<CallbackState> obligations = obligations(officeId);
        return PeriodView.of(period, granularity,
                part -> view(officeId, office, part, hourly, obligations, now, false));
    }

    private DayEntries<PhoneCounts> hourly(String officeId, Period period) {
        return DayEntries.byDayPrefix(stores.keyValueStore(PhoneStore.STATS_BY_HOUR), officeId, period);
    }

    private Optional<OfficePhoneView> view(String officeId, OfficeInfo office, Period part,
            DayEntries<PhoneCounts> hourly, List<CallbackState> obligations, Instant now, boolean hasCalls) {
        Map<String, PhoneTally> byLine = new LinkedHashMap<>();
        Map<String, PhoneTally> byHour = new TreeMap<>();
        hourly.forEach(part, (key, counts) -> {
            byLine.computeIfAbsent(Keys.part(key, 2), k -> new PhoneTally()).add(counts);
            byHour.computeIfAbsent(Keys.part(key, 3), k -> new PhoneTally()).add(counts);
        });
        if (!office.known() && byLine.isEmpty() && !hasCalls && obligations.isEmpty()) {
            return Optional.empty();
        }
        Set<String> lineIds = new LinkedHashSet<>();
        office.phoneLines().forEach(l -> lineIds.add(l.getLineId()));
        byLine.keySet().stream().filter(id -> !PhoneStateProcessor.NO_LINE.equals(id)).forEach(lineIds::add);

        List<PhoneStats> lines = new ArrayList<>();
        Map<String, PhoneTally> byDepartment = new LinkedHashMap<>();
        PhoneTally total = new PhoneTally();
        byLine.values().forEach(total::add);
        for (String lineId : lineIds) {
            PhoneTally tally = byLine.getOrDefault(lineId, new PhoneTally());
            String department = office.phoneLines().departmentOf(lineId);
            lines.add(tally.toStats(lineId, lineName(office, lineId), department));
            if (department != null) {
                byDepartment.computeIfAbsent(department, k -> new PhoneTally()).add(tally);
            }
        }
        List<PhoneStats> departments = byDepartment.entrySet().stream()
                .map(e -> e.getValue().toStats(e.getKey(), office.departmentName(e.getKey()), null)).toList();
        List<PhoneStats> hours = byHour.entrySet().stream()
                .map(e -> e.getValue().toStats(e.getKey(), e.getKey() + ":00", null)).toList();
        EffectivePolicy policy = office.linePolicy(policies(), null);
        return Optional.of(new OfficePhoneView(officeId, office.name(), office.zone().getId(), now, part.from(), 0, 0,
                policy.phoneRingLimit(), policy.phoneAnswerDelay().toSeconds(),
                total.toStats(officeId, office.name(), null), departments, lines, hours,
                summary(obligations, forgotten(officeId, part), part, office.zone(), now.toEpochMilli())));
    }

    /**
     * The callback list: live ({@code date} null) or of obligations due on {@code date}; {@code state}
     * open (not met), overdue (not met and past due now) or all. Overdue first, then by due time.
     * Met obligations are forgotten after {@link PhoneConfig#metCallbackRetention()}, so a past day's list
     * shows them for days up to that long ago; the day's figures stay exact for any day (what forgotten
     * ones counted is kept per day, {@link PhoneStore#CALLBACKS_FORGOTTEN_BY_DAY}).
     */
    public Optional<CallbacksView> callbacks(String officeId, LocalDate date, String state, Instant now) {
        OfficeInfo office = office(officeId);
        ZoneId zone = office.zone();
        long nowMillis = now.toEpochMilli();
        LocalDate day = date != null ? date : now.atZone(zone).toLocalDate();
        String filter = state == null ? "open" : state.toLowerCase(Locale.ROOT);
        if (!STATES.contains(filter)) {
            throw new IllegalArgumentException("state must be open, overdue or all, was " + state);
        }
        List<CallbackState> all = obligations(officeId);
        if (!office.known() && all.isEmpty()) {
            return Optional.empty();
        }
        List<CallbackView> listed = new ArrayList<>();
        for (CallbackState s : all) {
            Obligation o = Obligation.fromState(s);
            boolean dueThatDay = dueDate(s, zone).equals(day);
            // Live, every open obligation is listed whatever its due day; a past day lists what was due then.
            boolean inScope = date == null ? o.isOpen() || dueThatDay : dueThatDay;
            Obligation.Status status = o.status(nowMillis, config.dueSoon());
            boolean wanted = switch (filter) {
                case "open" -> o.isOpen();
                case "overdue" -> status == Obligation.Status.OVERDUE;
                default -> true;
            };
            if (inScope && wanted) {
                listed.add(toView(office, s, status, nowMillis));
            }
        }
        listed.sort(Comparator.comparing((CallbackView v) -> !"OVERDUE".equals(v.status()))
                .thenComparing(v -> v.metAt() != null)
                .thenComparing(CallbackView::dueAt));
        return Optional.of(new CallbacksView(officeId, office.name(), zone.getId(), now, date, filter,
                summary(all, forgotten(officeId, Period.day(day)), Period.day(day), zone, nowMillis), listed));
    }

    /** What the obligations due on the days of {@code part} that were met and then forgotten counted; zeros when none. */
    private ForgottenCallbacks forgotten(String officeId, Period part) {
        ReadOnlyKeyValueStore<String, ForgottenCallbacks> store =
                stores.keyValueStore(PhoneStore.CALLBACKS_FORGOTTEN_BY_DAY);
        ForgottenCallbacks sum = ForgottenCallbacks.newBuilder().build();
        for (LocalDate day : part.dates()) {
            ForgottenCallbacks counted = store.get(Keys.of(officeId, day.toString()));
            if (counted != null) {
                sum.setMetOnTime(sum.getMetOnTime() + counted.getMetOnTime());
                sum.setMetLate(sum.getMetLate() + counted.getMetLate());
                sum.setAttempts(sum.getAttempts() + counted.getAttempts());
                sum.setConnected(sum.getConnected() + counted.getConnected());
            }
        }
        return sum;
    }

    /** The open ones now, and the figures of the days of {@code part}: the obligations still kept plus those forgotten. */
    private CallbackSummary summary(List<CallbackState> all, ForgottenCallbacks forgotten, Period part, ZoneId zone,
            long now) {
        long open = 0;
        long dueSoon = 0;
        long overdue = 0;
        long due = 0;
        long onTime = 0;
        long late = 0;
        long unmet = 0;
        long attempts = 0;
        long connected = 0;
        for (CallbackState s : all) {
            Obligation o = Obligation.fromState(s);
            Obligation.Status status = o.status(now, config.dueSoon());
            if (o.isOpen()) {
                open++;
                dueSoon += status == Obligation.Status.DUE_SOON ? 1 : 0;
                overdue += status == Obligation.Status.OVERDUE ? 1 : 0;
            }
            if (!part.contains(dueDate(s, zone))) {
                continue;
            }
            due++;
            switch (status) {
                case MET_ON_TIME -> onTime++;
                case MET_LATE -> late++;
                case OVERDUE -> unmet++;
                default -> {
                }
            }
            String metBy = s.getMetBy();
            if (metBy != null && metBy.startsWith("CALLBACK_")) {
                attempts++;
                connected += Obligation.MetBy.CALLBACK_CONNECTED.name().equals(metBy) ? 1 : 0;
            }
        }
        due += forgotten.getMetOnTime() + forgotten.getMetLate();
        onTime += forgotten.getMetOnTime();
        late += forgotten.getMetLate();
        attempts += forgotten.getAttempts();
        connected += forgotten.getConnected();
        long decided = onTime + late + unmet;
        return new CallbackSummary(open, dueSoon, overdue, due, onTime, late, unmet,
                decided == 0 ? null : (double) onTime / decided, attempts, connected);
    }

    private CallbackView toView(OfficeInfo office, CallbackState s, Obligation.Status status, long now) {
        Obligation o = Obligation.fromState(s);
        Long dueIn = null;
        Long overdueFor = null;
        if (o.isOpen()) {
            if (status == Obligation.Status.OVERDUE) {
                overdueFor = (now - s.getDueAt()) / 1000;
            } else {
                dueIn = (s.getDueAt() - now) / 1000;
            }
        } else if (status == Obligation.Status.MET_LATE) {
            overdueFor = (s.getMetAt() - s.getDueAt()) / 1000;
        }
        return new CallbackView(s.getObligationId(), s.getKind(), o.kind().rule().name(), s.getLineId(),
                s.getLineId() == null ? null : lineName(office, s.getLineId()), s.getCallId(),
                Instant.ofEpochMilli(s.getOpenedAt()), Instant.ofEpochMilli(s.getDueAt()), status.name(),
                s.getMissedCalls(), s.getMetAt() == null ? null : Instant.ofEpochMilli(s.getMetAt()), s.getMetBy(),
                dueIn, overdueFor);
    }

    /** Every obligation of the office, open or met within the retention (a few a day: a scan is cheap). */
    private List<CallbackState> obligations(String officeId) {
        List<CallbackState> result = new ArrayList<>();
        ReadOnlyKeyValueStore<String, CallbackState> store = stores.keyValueStore(PhoneStore.CALLBACKS);
        Keys.scan(store, Keys.officePrefix(officeId), (key, obligation) -> result.add(obligation));
        return result;
    }

    /** Open obligations of every number of the office, through the open index (for tests and checks). */
    List<String> openObligationIds(String officeId) {
        List<String> ids = new ArrayList<>();
        ReadOnlyKeyValueStore<String, OpenCallbacks> store = stores.keyValueStore(PhoneStore.CALLBACKS_OPEN);
        Keys.scan(store, Keys.officePrefix(officeId), (key, open) -> ids.addAll(open.getKeys()));
        return ids;
    }

    private static LocalDate dueDate(CallbackState s, ZoneId zone) {
        return Instant.ofEpochMilli(s.getDueAt()).atZone(zone).toLocalDate();
    }

    private OfficeInfo office(String officeId) {
        return OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
    }

    private ReadOnlyKeyValueStore<String, Policy> policies() {
        return stores.keyValueStore(DirectoryStores.POLICIES);
    }

    private static String lineName(OfficeInfo office, String lineId) {
        return office.phoneLines().nameOf(lineId);
    }
}
