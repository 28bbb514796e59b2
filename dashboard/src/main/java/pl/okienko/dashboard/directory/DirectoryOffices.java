package pl.okienko.dashboard.directory;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.DirectoryStores;

/**
 * The directory's offices as the topologies hold them: the global store {@code directory-offices},
 * read through the queue topology, the one ingestion's directory check also asks first. Every topology
 * holds the whole store, fed by the compacted offices topic that {@link DirectoryService} writes.
 */
@Component
public class DirectoryOffices implements OfficeDirectory {

    private final StreamsRuntime runtime;

    public DirectoryOffices(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<Office> offices() {
        List<Office> offices = new ArrayList<>();
        try (KeyValueIterator<String, Office> all = runtime.storeAccess(KafkaConfiguration.QUEUES_APPLICATION_ID)
                .<String, Office>keyValueStore(DirectoryStores.OFFICES).all()) {
            all.forEachRemaining(entry -> offices.add(entry.value));
        }
        return offices;
    }
}
