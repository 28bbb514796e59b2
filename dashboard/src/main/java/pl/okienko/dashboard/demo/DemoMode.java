package pl.okienko.dashboard.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.dashboard.platform.kafka.BesideStreams;
import pl.okienko.schemas.PersonalData;
import pl.okienko.simulator.DemoTraffic;
import pl.okienko.simulator.SampleOffices;

/**
 * The demo's live traffic ({@code --demo}): simulated days of the sample offices played
 * into Kafka in real time, started once the topologies run and stopped before they close. The
 * sample offices themselves are published by the directory bootstrap.
 */
@Component
@ConditionalOnBooleanProperty("okienko.demo.enabled")
public class DemoMode extends BesideStreams {

    private final KafkaCluster cluster;
    /** The ingestion API's pseudonymisation: the demo's phone numbers must match as real ones would (T3). */
    private final PersonalData personalData;
    private DemoTraffic traffic;

    public DemoMode(KafkaCluster cluster, PersonalData personalData) {
        super(Order.AFTER);
        this.cluster = cluster;
        this.personalData = personalData;
    }

    @Override
    protected void begin() {
        traffic = new DemoTraffic(cluster.bootstrapServers(), SampleOffices.all(), personalData);
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
