package pl.okienko.processors.correspondence;

import java.time.Duration;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.topics.Topics;

/**
 * E-mail and letters (E1, E2, E3) and the register of complaints and requests (C1): reply clocks
 * and KPA deadlines, per-day figures by the day an item came in, and EMAIL_OVERDUE,
 * COMPLAINT_DUE_SOON and COMPLAINT_OVERDUE raised on the wall clock.
 *
 * <pre>
 * email events     ─▶ decode ─▶ email-state     (stores, deadline index) ─┐
 * complaint events ─▶ decode ─▶ complaint-state (stores, deadline index) ─┴─▶ alerts
 *                       └────────────────────────────────────────────────────▶ dead letters
 * </pre>
 */
public final class CorrespondenceTopology {

    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    static final String EMAIL_SOURCE = "email-events-source";
    static final String EMAIL_DECODE = "email-events-decode";
    static final String EMAIL_STATE = "email-state";
    static final String COMPLAINT_SOURCE = "complaint-events-source";
    static final String COMPLAINT_DECODE = "complaint-events-decode";
    static final String COMPLAINT_STATE = "complaint-state";
    static final String ALERTS_SINK = "correspondence-alerts-sink";
    static final String DEADLETTER_SINK = "correspondence-deadletter-sink";

    private CorrespondenceTopology() {
    }

    public static Topology build(CorrespondenceConfig config) {
        return new EventTopology(ALERTS_SINK, DEADLETTER_SINK, "correspondence-directory")
                .events(EMAIL_SOURCE, EMAIL_DECODE, Topics.EMAIL_EVENTS, EMAIL_STATE)
                .state(EMAIL_STATE, () -> new EmailProcessor(config, ALERTS_SINK), EMAIL_DECODE)
                .avroStore(EMAIL_STATE, EmailStore.MESSAGES.storeName(), EmailState.class)
                .avroStore(EMAIL_STATE, EmailStore.STATS_BY_DAY.storeName(), EmailDayState.class)
                .store(EMAIL_STATE, DeadlineIndex.storeBuilder(EmailStore.DEADLINES.storeName()))
                .stores(EMAIL_STATE, EventIds.storeBuilders(EmailStore.SEEN_EVENTS.storeName()))
                .events(COMPLAINT_SOURCE, COMPLAINT_DECODE, Topics.COMPLAINT_EVENTS, COMPLAINT_STATE)
                .state(COMPLAINT_STATE, () -> new ComplaintProcessor(config, ALERTS_SINK), COMPLAINT_DECODE)
                .avroStore(COMPLAINT_STATE, ComplaintStore.REGISTER.storeName(), ComplaintState.class)
                .avroStore(COMPLAINT_STATE, ComplaintStore.STATS_BY_DAY.storeName(), ComplaintDayState.class)
                .store(COMPLAINT_STATE, DeadlineIndex.storeBuilder(ComplaintStore.DEADLINES.storeName()))
                .stores(COMPLAINT_STATE, EventIds.storeBuilders(ComplaintStore.SEEN_EVENTS.storeName()))
                .build();
    }
}
