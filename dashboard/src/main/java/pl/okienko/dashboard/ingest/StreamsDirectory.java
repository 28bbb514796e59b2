package pl.okienko.dashboard.ingest;

import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.policy.PolicyKeys;

/**
 * The directory as ingestion reads it (issue 11): the offices and policies global stores, which every
 * topology holds whole. The first topology whose stores answer is used, so that ingestion does not
 * depend on one concern's topology; the queue topology comes first, as the admin API reads offices there.
 */
@Component
public class StreamsDirectory {

    private static final List<String> ORDER = List.of(KafkaConfiguration.QUEUES_APPLICATION_ID,
            KafkaConfiguration.PHONE_APPLICATION_ID, KafkaConfiguration.CORRESPONDENCE_APPLICATION_ID,
            KafkaConfiguration.INCIDENTS_APPLICATION_ID, KafkaConfiguration.ALERTS_APPLICATION_ID);

    private final StreamsRuntime runtime;

    public StreamsDirectory(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The directory for one batch: the stores are found once, then each office is one key look-up.
     *
     * @throws InvalidStateStoreException when no topology's directory stores can be queried (answered 503)
     */
    public DirectoryCheck.Directory forBatch() {
        InvalidStateStoreException last = null;
        for (String applicationId : ORDER) {
            if (!runtime.applications().containsKey(applicationId)) {
                continue;
            }
            StoreAccess stores = runtime.storeAccess(applicationId);
            try {
                ReadOnlyKeyValueStore<String, Office> offices = stores.keyValueStore(DirectoryStores.OFFICES);
                ReadOnlyKeyValueStore<String, Policy> policies = stores.keyValueStore(DirectoryStores.POLICIES);
                return new DirectoryCheck.Directory() {
                    @Override
                    public Office office(String officeId) {
                        return offices.get(officeId);
                    }

                    @Override
                    public Policy officePolicy(String officeId) {
                        return policies.get(PolicyKeys.office(officeId));
                    }
                };
            } catch (InvalidStateStoreException e) {
                last = e;
            }
        }
        throw last != null ? last : new InvalidStateStoreException("no topology holds the directory stores");
    }
}
