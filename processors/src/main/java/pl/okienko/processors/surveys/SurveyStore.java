package pl.okienko.processors.surveys;

import pl.okienko.processors.common.TopologyStore;

/** The survey topology's state stores (S1), shared by the topology and the views. */
public enum SurveyStore implements TopologyStore {

    /** officeId|date|scope → SurveyCounts, scope "office", "department:ID" or "channel:NAME"; date office-local. */
    COUNTS_BY_DAY,
    /** officeId|source|eventId seen recently ({@code EventIds}): a redelivered response counts once. */
    SEEN_EVENTS;

    @Override
    public String prefix() {
        return "survey";
    }
}
