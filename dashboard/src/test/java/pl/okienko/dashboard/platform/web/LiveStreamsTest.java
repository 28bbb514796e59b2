package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    /** Renders one watch; its periodic round is an hour away, so any round within the test was asked for. */
    private static final class Rounds extends LiveStreams<String> {
        final AtomicInteger rendered = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(2);

        Rounds() {
            super("live-streams-test", Duration.ofHours(1), Duration.ofMinutes(1));
        }

        @Override
        protected Optional<String> render(String watch) {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(watch + " " + rendered.incrementAndGet());
        }
    }

    private final Rounds live = new Rounds();

    @AfterEach
    void stop() {
        live.stop();
    }

    /** Starts, opens one stream and waits for its first rendering, sent as it opens. */
    private void startWithOneStreamRendered() {
        live.start();
        live.open("office", "tiles");
        await().atMost(Duration.ofSeconds(5)).until(() -> live.rendered.get() == 1);
    }

    @Test
    void shouldRenderAtOnceWhenWokenInsteadOfAtTheNextPeriod() {
        startWithOneStreamRendered();

        live.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> live.rendered.get() == 2);
    }

    @Test
    void shouldMakeOneRoundOfManyWakesThatComeWhileARoundIsUnderWay() throws InterruptedException {
        startWithOneStreamRendered();
        live.gate = new CountDownLatch(1);
        live.wake();
        assertThat(live.entered.await(5, TimeUnit.SECONDS)).as("the second round is rendering").isTrue();

        for (int i = 0; i < 100; i++) {
            live.wake();
        }
        live.gate.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> live.rendered.get() == 3);
        Thread.sleep(300);
        assertThat(live.rendered.get()).as("the hundred wakes made one round").isEqualTo(3);
    }

    @Test
    void shouldIgnoreAWakeAfterStopping() {
        startWithOneStreamRendered();
        live.stop();

        assertThatCode(live::wake).doesNotThrowAnyException();
    }
}
