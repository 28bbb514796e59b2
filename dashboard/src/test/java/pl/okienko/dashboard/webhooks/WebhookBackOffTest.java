package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import pl.okienko.dashboard.platform.kafka.BackOffs;

/** The waits between delivery attempts that {@link BackOffs#doubling} configures. */
class WebhookBackOffTest {

    private final BackOffExecution waits = BackOffs.doubling(Duration.ofSeconds(1), Duration.ofSeconds(60)).start();

    @Test
    void doublesFromTheInitialWaitUpToTheMaximumAndNeverGivesUp() {
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
        for (long wait : expected) {
            assertThat(waits.nextBackOff()).isEqualTo(wait);
        }
        for (int attempt = 0; attempt < 100_000; attempt++) {
            assertThat(waits.nextBackOff()).isEqualTo(60_000);
        }
    }

    @Test
    void aReceiverDownForTenMinutesIsTriedFifteenTimesAndAgainWithinAMinuteOfComingBack() {
        // waits 1+2+4+8+16+32 = 63 s for the first 7 attempts, then one attempt every 60 s
        long elapsed = 0;
        int attempts = 1;
        long wait = waits.nextBackOff();
        while (elapsed + wait <= 600_000) {
            elapsed += wait;
            attempts++;
            wait = waits.nextBackOff();
        }
        assertThat(attempts).isEqualTo(15);
        assertThat(elapsed).isEqualTo((63 + 8 * 60) * 1_000L);
        assertThat(wait).isEqualTo(60_000);
    }

    @Test
    void eachDeliveryStartsAgainFromTheInitialWait() {
        BackOff backOff = BackOffs.doubling(Duration.ofMillis(100), Duration.ofMillis(400));
        BackOffExecution first = backOff.start();
        first.nextBackOff();
        first.nextBackOff();

        BackOffExecution second = backOff.start();

        assertThat(second.nextBackOff()).isEqualTo(100);
        assertThat(second.nextBackOff()).isEqualTo(200);
        assertThat(second.nextBackOff()).isEqualTo(400);
        assertThat(second.nextBackOff()).isEqualTo(400);
        assertThat(first.nextBackOff()).isEqualTo(400);
    }
}
