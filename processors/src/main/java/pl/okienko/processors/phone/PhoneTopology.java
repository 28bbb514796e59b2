package pl.okienko.processors.phone;

import java.util.Objects;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.common.WriteBehind;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.phone.state.CallState;
import pl.okienko.processors.phone.state.CallbackState;
import pl.okienko.processors.phone.state.ForgottenCallbacks;
import pl.okienko.processors.phone.state.NumberTimeline;
import pl.okienko.processors.phone.state.OpenCallbacks;
import pl.okienko.processors.phone.state.PhoneCounts;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.PersonalData;

/**
 * Telephone service and callbacks (T1, T2, T3, T4, I2): from the phone system's call events to
 * per-line, per-hour service-level counts, callback obligations and CALLBACK_OVERDUE alerts.
 *
 * <pre>
 * phone events ─▶ decode ─▶ phone-state (stores) ─┬─▶ alerts
 *                    │            ▲ wall clock     │
 *                    └─▶ dead letters              │
 * </pre>
 */
public final class PhoneTopology {

    static final String STATE = "phone-state";

    private PhoneTopology() {
    }

    /**
     * @param personalData pseudonymises any number that reaches the topic in clear (written straight to
     *     Kafka, not through the ingestion API); the same key as the API's, or pseudonyms would not match
     */
    public static Topology build(PhoneConfig config, PersonalData personalData) {
        Objects.requireNonNull(personalData, "personalData");
        // Calls, hours and obligations stay decoded and reach their stores once per commit (WriteBehind); a number's
        // timeline and open obligations at the end of each event.
        return new EventTopology("phone")
                .state(STATE, () -> new PhoneStateProcessor(config, personalData), EventFamily.PHONE)
                .store(STATE, WriteBehind.storeBuilder(PhoneStore.SEEN_EVENTS.prefix()))
                .avroStore(STATE, PhoneStore.CALLS.storeName(), CallState.class)
                .avroStore(STATE, PhoneStore.STATS_BY_HOUR.storeName(), PhoneCounts.class)
                .avroStore(STATE, PhoneStore.CALLBACKS.storeName(), CallbackState.class)
                .avroStore(STATE, PhoneStore.CALLBACKS_OPEN.storeName(), OpenCallbacks.class)
                .avroStore(STATE, PhoneStore.CALLBACK_TIMELINES.storeName(), NumberTimeline.class)
                .store(STATE, DeadlineIndex.storeBuilder(PhoneStore.CALLBACK_DEADLINES.storeName()))
                .store(STATE, DeadlineIndex.storeBuilder(PhoneStore.CALLBACKS_FORGET.storeName()))
                .avroStore(STATE, PhoneStore.CALLBACKS_FORGOTTEN_BY_DAY.storeName(), ForgottenCallbacks.class)
                .stores(STATE, EventIds.storeBuilders(PhoneStore.SEEN_EVENTS.storeName()))
                .build();
    }
}
