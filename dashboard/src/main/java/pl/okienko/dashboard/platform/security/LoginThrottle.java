package pl.okienko.dashboard.platform.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import pl.okienko.dashboard.platform.config.OkienkoProperties;

/**
 * Failed sign-ins remembered per user name and per client address, and the back-off they earn (issue 11,
 * web hardening): once a user name or an address has had its allowed failures, each further failure holds
 * its sign-ins back for the first back-off, doubled at every further failure, capped. While held back an
 * attempt is refused before its password is checked. Memory is bounded: at most {@code maxTracked} user
 * names and as many addresses, each forgotten {@code forgetAfter} after its last failure.
 */
public final class LoginThrottle {

    /** A user name or an address that was held back, and until when it still is. */
    public record Refusal(String what, Duration retryAfter) {
    }

    /** The failures of one user name or address, and the ticker's nanos until which it is held back. */
    private record Failures(int count, long heldBackUntil) {
    }

    private final OkienkoProperties.LoginThrottle limits;
    private final Ticker ticker;
    private final Cache<String, Failures> users;
    private final Cache<String, Failures> addresses;

    public LoginThrottle(OkienkoProperties.LoginThrottle limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
        this.users = cache(limits, ticker);
        this.addresses = cache(limits, ticker);
    }

    /**
     * The longer hold-back of {@code user} (null when the request names none) and {@code address}, if either
     * is held back now.
     */
    public Optional<Refusal> refusal(String user, String address) {
        long now = ticker.read();
        Optional<Refusal> byUser = user == null ? Optional.empty() : heldBack(users, key(user), now, "user");
        Optional<Refusal> byAddress = address == null ? Optional.empty() : heldBack(addresses, address, now, "address");
        if (byUser.isPresent() && byAddress.isPresent()) {
            return byUser.get().retryAfter().compareTo(byAddress.get().retryAfter()) >= 0 ? byUser : byAddress;
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /**
     * Counts a wrong password (or unknown user) of {@code user} from {@code address}.
     *
     * @return the back-off this failure started for the user name or the address, if it started one
     */
    public Optional<Refusal> failed(String user, String address) {
        long now = ticker.read();
        Optional<Refusal> byUser = user == null ? Optional.empty()
                : count(users, key(user), limits.userFailures(), now).map(d -> new Refusal("user", d));
        Optional<Refusal> byAddress = address == null ? Optional.empty()
                : count(addresses, address, limits.addressFailures(), now).map(d -> new Refusal("address", d));
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** Forgets the failures of {@code user}, who just signed in; those of the address stay. */
    public void succeeded(String user) {
        if (user != null) {
            users.invalidate(key(user));
        }
    }

    /** The back-off after the {@code failures}-th failure when {@code allowed} are allowed, or zero. */
    Duration backOff(int failures, int allowed) {
        if (failures < allowed) {
            return Duration.ZERO;
        }
        // Past 2^20 times the first back-off every sane cap is reached; the shift must not overflow.
        int doublings = Math.min(failures - allowed, 20);
        Duration backOff = limits.backOff().multipliedBy(1L << doublings);
        return backOff.compareTo(limits.maxBackOff()) > 0 ? limits.maxBackOff() : backOff;
    }

    private Optional<Duration> count(Cache<String, Failures> cache, String key, int allowed, long now) {
        // Caffeine's compute sees an expired entry as absent: failures older than forgetAfter start again at one.
        Failures counted = cache.asMap().compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failures(count, now + backOff(count, allowed).toNanos());
        });
        return counted.heldBackUntil() <= now ? Optional.empty()
                : Optional.of(Duration.ofNanos(counted.heldBackUntil() - now));
    }

    private static Optional<Refusal> heldBack(Cache<String, Failures> cache, String key, long now, String what) {
        Failures failures = cache.getIfPresent(key);
        if (failures == null || failures.heldBackUntil() <= now) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(what, Duration.ofNanos(failures.heldBackUntil() - now)));
    }

    /** User names are compared without case, so that "Admin" and "ADMIN" share their failures. */
    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private static Cache<String, Failures> cache(OkienkoProperties.LoginThrottle limits, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(limits.maxTracked())
                .expireAfterWrite(limits.forgetAfter().toNanos(), TimeUnit.NANOSECONDS)
                .ticker(ticker)
                .build();
    }
}
