package pl.okienko.processors.surveys;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.surveys.state.SurveyCounts;

/** Reads client satisfaction (S1) from the survey topology's stores: a day, today, an ISO week. */
public final class SurveyViews {

    private final StoreAccess stores;

    public SurveyViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** Today's satisfaction, today in the office's time zone; empty for an office unknown and without responses. */
    public Optional<OfficeSurveysView> live(String officeId, Instant now) {
        return day(officeId, today(officeId, now));
    }

    /** The office's local date at {@code now}. */
    public LocalDate today(String officeId, Instant now) {
        return now.atZone(office(officeId).zone()).toLocalDate();
    }

    /** One office-local day; empty for an office unknown and without responses that day. */
    public Optional<OfficeSurveysView> day(String officeId, LocalDate date) {
        return period(officeId, date, date);
    }

    /**
     * The ISO week (Monday to Sunday) holding {@code date}: the days' counts and sums added; empty for an office
     * unknown and without responses that week.
     */
    public Optional<OfficeSurveysView> week(String officeId, LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return period(officeId, monday, monday.plusDays(6));
    }

    /**
     * A period of office-local days, and per day, ISO week or month with a granularity: the days' counts and sums
     * added, so each mean and index is of every response of its part; empty for an office unknown and without
     * responses in the period.
     */
    public Optional<PeriodView<OfficeSurveysView>> period(String officeId, Period period, Granularity granularity) {
        return PeriodView.of(period, granularity, part -> period(officeId, part.from(), part.to()));
    }

    private OfficeInfo office(String officeId) {
        return OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
    }

    private Optional<OfficeSurveysView> period(String officeId, LocalDate from, LocalDate to) {
        ReadOnlyKeyValueStore<String, SurveyCounts> counts = stores.keyValueStore(SurveyStore.COUNTS_BY_DAY);
        Satisfaction[] office = {Satisfaction.NONE};
        Map<String, Satisfaction> departments = new TreeMap<>();
        Map<String, Satisfaction> channels = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Keys.scan(counts, Keys.dayPrefix(officeId, day), (key, state) -> {
                String scope = Keys.part(key, 2);
                Satisfaction s = Satisfaction.fromState(state);
                if (scope.equals(SurveyProcessor.OFFICE_SCOPE)) {
                    office[0] = office[0].plus(s);
                } else if (scope.startsWith(SurveyProcessor.DEPARTMENT_SCOPE_PREFIX)) {
                    departments.merge(scope.substring(SurveyProcessor.DEPARTMENT_SCOPE_PREFIX.length()), s,
                            Satisfaction::plus);
                } else if (scope.startsWith(SurveyProcessor.CHANNEL_SCOPE_PREFIX)) {
                    channels.merge(scope.substring(SurveyProcessor.CHANNEL_SCOPE_PREFIX.length()), s,
                            Satisfaction::plus);
                }
            });
        }
        if (office[0].responses() == 0 && !office(officeId).known()) {
            return Optional.empty();
        }
        return Optional.of(new OfficeSurveysView(officeId, from, to, office[0], departments, channels));
    }
}
