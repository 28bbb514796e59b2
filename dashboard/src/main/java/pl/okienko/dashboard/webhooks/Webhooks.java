package pl.okienko.dashboard.webhooks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;

import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.dashboard.platform.kafka.BackOffs;
import pl.okienko.dashboard.platform.kafka.BesideStreams;

/**
 * Runs one {@link WebhookDispatcher} per configured endpoint for the lifetime of the application,
 * started after the topologies and stopped before them.
 */
@Component
public class Webhooks extends BesideStreams {

    private final WebhookProperties properties;
    private final KafkaCluster cluster;
    private final List<WebhookDispatcher> dispatchers = new CopyOnWriteArrayList<>();

    public Webhooks(WebhookProperties properties, KafkaCluster cluster) {
        super(Order.AFTER);
        this.properties = properties;
        this.cluster = cluster;
    }

    /** Starts delivering to one more endpoint, e.g. one added by an operator without a restart. */
    public WebhookDispatcher add(WebhookProperties.Endpoint endpoint) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(endpoint, backoff(), clientConfig()).start();
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** Stops delivering to an endpoint added earlier; what it has not delivered waits in its consumer group. */
    public void remove(WebhookDispatcher dispatcher) {
        dispatchers.remove(dispatcher);
        dispatcher.close();
    }

    public List<WebhookDispatcher.Status> statuses() {
        return dispatchers.stream().map(WebhookDispatcher::status).toList();
    }

    private BackOff backoff() {
        return BackOffs.doubling(properties.initialBackoff(), properties.maxBackoff());
    }

    private Map<String, Object> clientConfig() {
        return cluster.groupConsumerConfig();
    }

    @Override
    protected void begin() {
        properties.endpoints().forEach(this::add);
    }

    @Override
    protected void end() {
        dispatchers.forEach(WebhookDispatcher::close);
        dispatchers.clear();
    }
}
