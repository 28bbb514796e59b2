package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).hasSeconds(1);
        assertThat(backoff.after(2)).hasSeconds(2);
        assertThat(backoff.after(6)).hasSeconds(32);
        assertThat(backoff.after(7)).hasSeconds(60);
        assertThat(backoff.after(1_000)).hasSeconds(60);
    }

    @Test
    void aReceiverDownForTenMinutesIsTriedFifteenTimesAndAgainWithinAMinuteOfComingBack() {
        // waits 1+2+4+8+16+32 = 63 s for the first 7 attempts, then one attempt every 60 s
        long elapsed = 0;
        int attempts = 1;
        while (elapsed + backoff.after(attempts).toSeconds() <= 600) {
            elapsed += backoff.after(attempts).toSeconds();
            attempts++;
        }
        assertThat(attempts).isEqualTo(15);
        assertThat(elapsed).isEqualTo(63 + 8 * 60);
        assertThat(backoff.after(attempts)).hasSeconds(60);
    }
}
