package pl.okienko.processors.queues;

import java.util.List;

import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.common.StoreAccess;

/** Queue views for topology tests, which read the alert topic directly. */
final class TestQueueViews {

    private TestQueueViews() {
    }

    /** The queue views over {@code stores} with no alert history: alerts are folded by another topology. */
    static QueueViews withoutAlerts(StoreAccess stores) {
        return new QueueViews(stores, new AlertViews(stores) {
            @Override
            public List<AlertView> alerts(String officeId, boolean activeOnly) {
                return List.of();
            }
        });
    }
}
