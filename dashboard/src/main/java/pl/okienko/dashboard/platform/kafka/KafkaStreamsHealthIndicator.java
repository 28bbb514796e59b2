package pl.okienko.dashboard.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health {@code kafkaStreams}: UP only when every topology runs, so a load balancer sends queries
 * only to an instance whose views can answer. A rebalance (or a start still in progress) is
 * OUT_OF_SERVICE, a stopped or failed instance DOWN; the details give each instance's state and, for
 * one that failed and is being restarted, the error, when, how many restarts and when the next is due.
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsRuntime runtime;

    public KafkaStreamsHealthIndicator(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status status = Status.UP;
        for (SupervisedStreams application : runtime.applications().values()) {
            State state = application.current().state();
            Status own = application.down() ? Status.DOWN : statusOf(state);
            Optional<SupervisedStreams.Failure> failure = application.lastFailure();
            if (failure.isEmpty()) {
                details.put(application.applicationId(), state.name());
            } else {
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("state", state.name());
                failed.put("error", failure.get().reason());
                failed.put("failedAt", failure.get().at().toString());
                failed.put("restarts", failure.get().restarts());
                if (failure.get().nextRestartAt() != null) {
                    failed.put("nextRestartAt", failure.get().nextRestartAt().toString());
                }
                details.put(application.applicationId(), failed);
            }
            status = worse(status, own);
        }
        return Health.status(status).withDetails(details).build();
    }

    static Status statusOf(State state) {
        return switch (state) {
            case RUNNING -> Status.UP;
            case CREATED, REBALANCING -> Status.OUT_OF_SERVICE;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Status.DOWN;
        };
    }

    private static Status worse(Status a, Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Status status) {
        if (Status.DOWN.equals(status)) {
            return 2;
        }
        return Status.OUT_OF_SERVICE.equals(status) ? 1 : 0;
    }
}
