package pl.okienko.dashboard.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.dashboard.platform.kafka.BesideStreams;
import pl.okienko.schemas.PersonalData;
import pl.okienko.simulator.DemoTraffic;
import pl.okienko.simulator.SampleOffices;

/**
 * The demo's live traffic ({@code --demo}): simulated days of the sample offices played
 * into Kafka in real time, started once the topologies run and stopped before they close. The
 * sample offices themselves are published by the directory bootstrap. Each office's place in its
 * day is kept in {@value #PROGRESS_FILE} under the data directory, so a restarted demo continues that
 * day beside the data it already produced (see {@link DemoTraffic}).
 */
@Component
@ConditionalOnBooleanProperty("okienko.demo.enabled")
public class DemoMode extends BesideStreams {

    /** The demo's progress file, beside the broker's and the streams' data it belongs to. */
    public static final String PROGRESS_FILE = "demo-progress.properties";

    private final KafkaCluster cluster;
    private final OkienkoProperties properties;
    /** The ingestion API's pseudonymisation: the demo's phone numbers must match as real ones would (T3). */
    private final PersonalData personalData;
    private DemoTraffic traffic;

    public DemoMode(KafkaCluster cluster, PersonalData personalData, OkienkoProperties properties) {
        super(Order.AFTER);
        this.cluster = cluster;
        this.properties = properties;
        this.personalData = personalData;
    }

    @Override
    protected void begin() {
        traffic = new DemoTraffic(cluster.bootstrapServers(), SampleOffices.all(), personalData,
                properties.dataDir().resolve(PROGRESS_FILE));
        traffic.start();
    }

    @Override
    protected void end() {
        if (traffic != null) {
            traffic.close();
            traffic = null;
        }
    }
}
