package pl.okienko.processors.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.alerts.Alert;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;

/** Reads alerts from the alert history view, newest first. */
public class AlertViews {

    private final StoreAccess stores;

    public AlertViews(StoreAccess stores) {
        this.stores = stores;
    }

    /**
     * @param officeId one office, or null for every office
     * @param activeOnly only alerts raised or acknowledged and not yet cleared
     */
    public List<AlertView> alerts(String officeId, boolean activeOnly) {
        ReadOnlyKeyValueStore<String, Alert> store = stores.keyValueStore(AlertTopology.STORE);
        List<AlertView> result = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = officeId == null ? store.all()
                : store.prefixScan(Keys.officePrefix(officeId), Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                AlertView view = toView(kv.value);
                if (!activeOnly || view.active()) {
                    result.add(view);
                }
            });
        }
        result.sort(Comparator.comparing(AlertView::raisedAt).reversed());
        return result;
    }

    static AlertView toView(Alert a) {
        return new AlertView(a.getAlertId(), a.getType().name(), a.getRule(), a.getState().name(), a.getOfficeId(),
                a.getSubjectType(), a.getSubjectId(), a.getRaisedAt(), a.getAt(), a.getMessage(),
                Map.copyOf(a.getDetails()), a.getBy(), a.getAcknowledgedAt());
    }

    /** One alert by its id, wherever its office; empty when no alert has that id. */
    public Optional<AlertView> alert(String alertId) {
        ReadOnlyKeyValueStore<String, Alert> store = stores.keyValueStore(AlertTopology.STORE);
        try (KeyValueIterator<String, Alert> it = store.all()) {
            while (it.hasNext()) {
                Alert a = it.next().value;
                if (a.getAlertId().equals(alertId)) {
                    return Optional.of(toView(a));
                }
            }
        }
        return Optional.empty();
    }

    /** One alert of a known office by its id. */
    public Optional<AlertView> alert(String officeId, String alertId) {
        ReadOnlyKeyValueStore<String, Alert> store = stores.keyValueStore(AlertTopology.STORE);
        return Optional.ofNullable(store.get(Keys.of(officeId, alertId))).map(AlertViews::toView);
    }
}
