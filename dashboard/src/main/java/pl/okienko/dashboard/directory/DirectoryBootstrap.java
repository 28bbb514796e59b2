package pl.okienko.dashboard.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.config.StartupOffices;
import pl.okienko.dashboard.platform.kafka.BesideStreams;
import pl.okienko.directory.Office;

/**
 * Publishes the start-up directory before the topologies start: the sample offices in demo mode,
 * then the configured directory file (which wins where both name an office). A broken file stops
 * the start with every problem listed.
 */
@Component
public class DirectoryBootstrap extends BesideStreams {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private final OkienkoProperties properties;
    private final DirectoryService directory;
    private final List<StartupOffices> startupOffices;

    public DirectoryBootstrap(OkienkoProperties properties, DirectoryService directory, List<StartupOffices> startupOffices) {
        super(Order.BEFORE);
        this.properties = properties;
        this.directory = directory;
        this.startupOffices = List.copyOf(startupOffices);
    }

    @Override
    protected void begin() {
        List<Office> offices = new ArrayList<>();
        List<DirectoryService.KeyedPolicy> policies = new ArrayList<>();
        startupOffices.forEach(startup -> offices.addAll(startup.offices()));
        Path file = properties.directory().file();
        if (file != null) {
            DirectoryFile.Contents contents = DirectoryFile.read(file, directory);
            offices.addAll(contents.offices());
            policies.addAll(contents.policies());
            LOG.info("Directory file {}: {} offices, {} policies", file, contents.offices().size(), contents.policies().size());
        }
        if (!offices.isEmpty() || !policies.isEmpty()) {
            directory.put(offices, policies);
        }
    }
}
