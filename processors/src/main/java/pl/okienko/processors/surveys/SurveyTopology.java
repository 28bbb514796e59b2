package pl.okienko.processors.surveys;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.surveys.state.SurveyCounts;
import pl.okienko.schemas.EventFamily;

/**
 * Client satisfaction surveys (S1): from survey responses to per-day counts and score sums per office,
 * department and channel, the input of the satisfaction index ({@link Satisfaction}).
 *
 * <pre>
 * survey events ─▶ decode ─▶ survey-counts (stores)
 *                    └──────▶ dead letters (bad scores, broken contract)
 * </pre>
 */
public final class SurveyTopology {

    static final String STATE = "survey-counts";

    private SurveyTopology() {
    }

    public static Topology build(SurveyConfig config) {
        return new EventTopology("survey")
                .state(STATE, () -> new SurveyProcessor(config), EventFamily.SURVEY)
                .avroStore(STATE, SurveyStore.COUNTS_BY_DAY.storeName(), SurveyCounts.class)
                .stores(STATE, EventIds.storeBuilders(SurveyStore.SEEN_EVENTS.storeName()))
                .build();
    }
}
