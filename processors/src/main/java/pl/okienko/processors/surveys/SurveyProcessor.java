package pl.okienko.processors.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.OfficeEventProcessor;
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

    private KeyValueStore<String, SurveyCounts> counts;

    SurveyProcessor(SurveyConfig config) {
        super(config, SurveyStore.SEEN_EVENTS, null, DirectoryCache.TTL_MILLIS);
    }

    @Override
    protected void open() {
        counts = intake.store(SurveyStore.COUNTS_BY_DAY);
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
            counts.put(key, Satisfaction.fromState(counts.get(key)).plus(one).toState());
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
