package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.config.OkienkoProperties;

class LoginThrottleTest {

    private static final OkienkoProperties.LoginThrottle LIMITS = new OkienkoProperties.LoginThrottle(3, 5,
            Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofMinutes(5), 100);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, nanos::get);

    @Test
    void shouldHoldAUserBackForTheFirstBackOffAfterItsAllowedFailures() {
        throttle.failed("kowalski", "10.0.0.1");
        throttle.failed("kowalski", "10.0.0.2");
        assertThat(throttle.refusal("kowalski", "10.0.0.3")).isEmpty();

        throttle.failed("kowalski", "10.0.0.3");

        assertThat(throttle.refusal("kowalski", "10.0.0.4"))
                .contains(new LoginThrottle.Refusal("user", Duration.ofSeconds(10)));
        assertThat(throttle.refusal("nowak", "10.0.0.4")).isEmpty();
    }

    @Test
    void shouldCompareUserNamesWithoutCase() {
        throttle.failed("Kowalski", "10.0.0.1");
        throttle.failed("KOWALSKI", "10.0.0.2");
        throttle.failed("kowalski", "10.0.0.3");

        assertThat(throttle.refusal("kOwAlSkI", "10.0.0.4")).isPresent();
    }

    @Test
    void shouldDoubleTheBackOffAtEachFurtherFailureUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("kowalski", "10.0.0." + i);
        }
        // 10 s after the 3rd failure, 20 s after the 4th, 40 s capped at 35 s after the 5th and every later one.
        assertThat(throttle.failed("kowalski", "10.0.0.10")).contains(new LoginThrottle.Refusal("user", Duration.ofSeconds(20)));
        assertThat(throttle.failed("kowalski", "10.0.0.11")).contains(new LoginThrottle.Refusal("user", Duration.ofSeconds(35)));
        assertThat(throttle.failed("kowalski", "10.0.0.12")).contains(new LoginThrottle.Refusal("user", Duration.ofSeconds(35)));
    }

    @Test
    void shouldLetTheUserTryAgainWhenTheBackOffHasPassed() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("kowalski", "10.0.0." + i);
        }
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(throttle.refusal("kowalski", "10.0.0.9")).contains(new LoginThrottle.Refusal("user", Duration.ofSeconds(1)));

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(throttle.refusal("kowalski", "10.0.0.9")).isEmpty();
    }

    @Test
    void shouldForgetTheUsersFailuresWhenItSignsIn() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("kowalski", "10.0.0." + i);
        }
        throttle.succeeded("kowalski");

        assertThat(throttle.refusal("kowalski", "10.0.0.9")).isEmpty();
        assertThat(throttle.failed("kowalski", "10.0.0.9")).isEmpty();
    }

    @Test
    void shouldHoldAnAddressBackAfterItsAllowedFailuresWhateverTheUserNames() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.refusal("someone", "10.0.0.7")).isEmpty();

        assertThat(throttle.failed("user4", "10.0.0.7")).contains(new LoginThrottle.Refusal("address", Duration.ofSeconds(10)));

        assertThat(throttle.refusal("someone", "10.0.0.7")).contains(new LoginThrottle.Refusal("address", Duration.ofSeconds(10)));
        assertThat(throttle.refusal("someone", "10.0.0.8")).isEmpty();
    }

    @Test
    void shouldKeepTheAddressFailuresWhenAUserOfItSignsIn() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        throttle.succeeded("user0");

        assertThat(throttle.refusal("user0", "10.0.0.7")).contains(new LoginThrottle.Refusal("address", Duration.ofSeconds(10)));
    }

    @Test
    void shouldForgetFailuresLongAfterTheLastOne() {
        throttle.failed("kowalski", "10.0.0.1");
        throttle.failed("kowalski", "10.0.0.1");
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        // the two old failures are forgotten: this is the first again
        assertThat(throttle.failed("kowalski", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("kowalski", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("kowalski", "10.0.0.1")).isPresent();
    }

    @Test
    void shouldNotOverflowTheBackOffAfterVeryManyFailures() {
        assertThat(throttle.backOff(1_000_000, 3)).isEqualTo(Duration.ofSeconds(35));
        assertThat(throttle.backOff(2, 3)).isEqualTo(Duration.ZERO);
    }
}
