package pl.okienko.processors.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.OfficeEventProcessor;
import pl.okienko.processors.common.StateCache;
import pl.okienko.processors.directory.DirectoryCache;
import pl.okienko.processors.surveys.state.SurveyCounts;

/**
 * Counts each survey response (S1) once into its office-local day, for the office, its department (when known)
 * and its channel. A score outside the scale never comes here: the contract check of the decoder dead-letters it.
 */
final class SurveyProcessor extends OfficeEventProcessor<SurveyConfig> {

    static final String OFFICE_SCOPE = "office";
    static final String DEPARTMENT_SCOPE_PREFIX = "department:";
    static final String CHANNEL_SCOPE_PREFIX = "channel:";

    /** How many days' counts are kept decoded. */
    private static final int CACHED_COUNTS = 4_096;

    /**
     * Kept decoded ({@link StateCache}), but written at the end of each event: the questions a day's counts hold come
     * from the responses, so a value too large for its store must fail the response that made it.
     */
    private StateCache<SurveyCounts, Satisfaction> counts;

    SurveyProcessor(SurveyConfig config) {
        super(config, SurveyStore.SEEN_EVENTS, null, DirectoryCache.TTL_MILLIS);
    }

    @Override
    protected void open() {
        counts = StateCache.eachEvent(intake.store(SurveyStore.COUNTS_BY_DAY), Satisfaction::fromState,
                Satisfaction::toState, CACHED_COUNTS, intake.writes());
    }

    @Override
    protected void onEvent(String officeId, SpecificRecord payload, long at) {
        if (!(payload instanceof SurveyResponse response)) {
            return;
        }
        Satisfaction one = Satisfaction.response(response.getScores());
        String day = Instant.ofEpochMilli(at).atZone(intake.office(officeId).zone()).toLocalDate().toString();
        for (String scope : scopes(response)) {
            String key = Keys.of(officeId, day, scope);
            Satisfaction before = counts.get(key);
            counts.put(key, (before == null ? Satisfaction.NONE : before).plus(one));
        }
    }

    private static List<String> scopes(SurveyResponse response) {
        List<String> scopes = new ArrayList<>();
        scopes.add(OFFICE_SCOPE);
        if (response.getDepartmentId() != null) {
            scopes.add(DEPARTMENT_SCOPE_PREFIX + response.getDepartmentId());
        }
        scopes.add(CHANNEL_SCOPE_PREFIX + response.getChannel().name());
        return scopes;
    }
}
