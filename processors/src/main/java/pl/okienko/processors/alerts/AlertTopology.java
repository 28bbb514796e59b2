package pl.okienko.processors.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.processors.common.Keys;
import pl.okienko.topics.Topics;

/**
 * The alert history view: folds the lifecycle steps on okienko.alerts (raised, re-raised,
 * acknowledged, cleared) into the latest state of each alert, for the dashboard, the API and
 * analysts alike. The first acknowledgement of an alert stands (I1: two guards pressing at once
 * make one acknowledgement); later steps keep who acknowledged it and when.
 */
public final class AlertTopology {

    /** officeId|alertId → the alert's latest step (raisedAt kept from the first). */
    public static final String STORE = "alerts-latest";
    static final String SOURCE = "alerts-source";
    static final String FOLD = "alerts-fold";

    /** Cleared alerts stay visible in "all" this long. */
    static final Duration KEEP_CLEARED = Duration.ofDays(30);

    private AlertTopology() {
    }

    public static Topology build() {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer(),
                Topics.ALERTS.name());
        topology.addProcessor(FOLD, LatestAlert::new, SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), Topics.ALERTS.valueSerde()), FOLD);
        return topology;
    }

    private static final class LatestAlert implements Processor<String, Alert, Void, Void> {
        private KeyValueStore<String, Alert> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
            context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldCleared);
        }

        @Override
        public void process(Record<String, Alert> record) {
            Alert step = record.value();
            if (step == null) {
                return;
            }
            String key = Keys.of(step.getOfficeId(), step.getAlertId());
            Alert known = store.get(key);
            if (known != null && known.getAt().isAfter(step.getAt())) {
                return; // an older step arriving late does not undo a newer one
            }
            if (known != null) {
                if (step.getState() == AlertState.ACKNOWLEDGED
                        && (known.getBy() != null || known.getState() == AlertState.CLEARED)) {
                    return; // the first acknowledgement stands, and a cleared alert is not reopened by one
                }
                step.setRaisedAt(known.getRaisedAt());
                if (known.getBy() != null) {
                    step.setBy(known.getBy());
                    step.setAcknowledgedAt(known.getAcknowledgedAt());
                }
            }
            if (step.getState() == AlertState.ACKNOWLEDGED && step.getAcknowledgedAt() == null) {
                step.setAcknowledgedAt(step.getAt());
            }
            store.put(key, step);
        }

        private void forgetOldCleared(long now) {
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, Alert> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Alert> kv = it.next();
                    if (kv.value.getState() == AlertState.CLEARED
                            && kv.value.getAt().toEpochMilli() < now - KEEP_CLEARED.toMillis()) {
                        old.add(kv.key);
                    }
                }
            }
            old.forEach(store::delete);
        }
    }
}
