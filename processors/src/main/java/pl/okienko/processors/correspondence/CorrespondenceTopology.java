package pl.okienko.processors.correspondence;

import java.time.Duration;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.common.WriteBehind;
import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.schemas.EventFamily;

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

    static final String EMAIL_STATE = "email-state";
    static final String COMPLAINT_STATE = "complaint-state";

    private CorrespondenceTopology() {
    }

    public static Topology build(CorrespondenceConfig config) {
        // Items and day counters stay decoded and reach their stores once per commit (WriteBehind).
        return new EventTopology("correspondence")
                .state(EMAIL_STATE, () -> new EmailProcessor(config), EventFamily.EMAIL)
                .store(EMAIL_STATE, WriteBehind.storeBuilder(EmailStore.SEEN_EVENTS.prefix()))
                .avroStore(EMAIL_STATE, EmailStore.MESSAGES.storeName(), EmailState.class)
                .avroStore(EMAIL_STATE, EmailStore.STATS_BY_DAY.storeName(), EmailDayState.class)
                .store(EMAIL_STATE, DeadlineIndex.storeBuilder(EmailStore.DEADLINES.storeName()))
                .stores(EMAIL_STATE, EventIds.storeBuilders(EmailStore.SEEN_EVENTS.storeName()))
                .state(COMPLAINT_STATE, () -> new ComplaintProcessor(config), EventFamily.COMPLAINT)
                .store(COMPLAINT_STATE, WriteBehind.storeBuilder(ComplaintStore.SEEN_EVENTS.prefix()))
                .avroStore(COMPLAINT_STATE, ComplaintStore.REGISTER.storeName(), ComplaintState.class)
                .avroStore(COMPLAINT_STATE, ComplaintStore.STATS_BY_DAY.storeName(), ComplaintDayState.class)
                .store(COMPLAINT_STATE, DeadlineIndex.storeBuilder(ComplaintStore.DEADLINES.storeName()))
                .stores(COMPLAINT_STATE, EventIds.storeBuilders(ComplaintStore.SEEN_EVENTS.storeName()))
                .build();
    }
}
