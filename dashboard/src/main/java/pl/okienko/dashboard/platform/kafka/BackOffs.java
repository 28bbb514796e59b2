package pl.okienko.dashboard.platform.kafka;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/** The waits before a Kafka client that failed tries again: a failed topology's restart, a webhook's next delivery. */
public final class BackOffs {

    private BackOffs() {
    }

    /**
     * {@code first}, doubled after each further failure, never longer than {@code max}, and no limit on
     * attempts or time: one cause that outlives many attempts neither stops the work for good nor spins,
     * and once it is gone the work resumes within {@code max}.
     */
    public static BackOff doubling(Duration first, Duration max) {
        ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), 2);
        backOff.setMaxInterval(max.toMillis());
        return backOff;
    }
}
