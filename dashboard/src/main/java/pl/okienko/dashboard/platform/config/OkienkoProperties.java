package pl.okienko.dashboard.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator configures under {@code okienko.*}: where Kafka is, where data
 * lives, who may sign in and which systems may send events. Every property can come from the
 * environment by Spring's relaxed binding ({@code okienko.kafka.partitions} = {@code OKIENKO_KAFKA_PARTITIONS});
 * {@code application.properties} also maps a few short names ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code OKIENKO_ADMIN_PASSWORD}, {@code OKIENKO_PSEUDONYMISATION_KEY}).
 *
 * @param dataDir where the embedded broker ({@code kafka/}) and the Kafka Streams state ({@code streams/}) live
 * @param kafka the cluster and how topics and topologies use it
 * @param embedded the broker started when no bootstrap servers are set
 * @param directory the offices and policies loaded at start-up
 * @param security the people who sign in
 * @param apiKeys the building systems that send events
 * @param pseudonymisationKey the HMAC key for personal fields (at least 16 bytes); generated and kept in
 *     {@code dataDir} when blank
 * @param demo the demo mode
 * @param retention how long the live stores keep closed items
 * @param cluster how instances of one deployment read each other's stores
 */
@ConfigurationProperties("okienko")
@Validated
public record OkienkoProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Embedded embedded,
        @Valid @DefaultValue Directory directory,
        @Valid @DefaultValue Security security,
        List<@Valid ApiKey> apiKeys,
        String pseudonymisationKey,
        @Valid @DefaultValue Demo demo,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue Cluster cluster) {

    public OkienkoProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        if (kafka != null && kafka.applicationServer() != null && !kafka.applicationServer().isBlank()
                && (cluster == null || cluster.secret() == null || cluster.secret().length() < 16)) {
            throw new IllegalArgumentException("okienko.kafka.application-server is set, so other instances read this"
                    + " one's stores: set okienko.cluster.secret (at least 16 characters), the same on every instance");
        }
    }

    /**
     * The Kafka cluster.
     *
     * @param bootstrapServers the external cluster; blank starts the embedded broker
     * @param replicationFactor replicas of the catalogue's and the topologies' internal topics on an external
     *     cluster (the embedded broker always uses 1)
     * @param partitions partitions of each catalogue topic created by the application
     * @param standbyReplicas Kafka Streams standby replicas of each state store
     * @param applicationServer this instance's {@code host:port} for interactive queries across instances
     * @param sessionTimeout how long the group waits for an instance that stopped answering before its
     *     partitions go to the others (the consumers' {@code session.timeout.ms}); Kafka's default when not set
     * @param extra client properties passed to every producer, consumer, admin and Streams client, for TLS and
     *     SASL ({@code security.protocol}, {@code sasl.*}, {@code ssl.*})
     */
    public record Kafka(
            String bootstrapServers,
            @Min(1) @Max(Short.MAX_VALUE) @DefaultValue("3") int replicationFactor,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(0) @DefaultValue("0") int standbyReplicas,
            String applicationServer,
            Duration sessionTimeout,
            Map<String, String> extra) {

        public Kafka {
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        public boolean embedded() {
            return bootstrapServers == null || bootstrapServers.isBlank();
        }
    }

    /**
     * @param port the embedded broker's client port; 0 picks a free one, kept from run to run while free (tests)
     * @param jvmOptions options of the broker's own JVM (it runs in a process of its own)
     */
    public record Embedded(@Min(0) @Max(65_535) @DefaultValue("9092") int port,
            @DefaultValue({"-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"}) List<String> jvmOptions) {
    }

    /** @param file a JSON file {@code {"offices":[...], "policies":[{"key":..., "policy":{...}}]}} published at start-up */
    public record Directory(Path file) {
    }

    /**
     * @param users the people who sign in
     * @param adminPassword shorthand for one user {@code admin} with role ADMIN
     * @param loginThrottle how repeated wrong passwords are held back
     */
    public record Security(List<@Valid User> users, String adminPassword, @Valid @DefaultValue LoginThrottle loginThrottle) {

        public Security {
            users = users == null ? List.of() : List.copyOf(users);
            loginThrottle = loginThrottle == null ? LoginThrottle.DEFAULTS : loginThrottle;
        }
    }

    /**
     * Back-off after wrong passwords, on the login form and HTTP Basic alike: after {@code userFailures}
     * failures for one user name, or {@code addressFailures} from one client address, further attempts
     * are answered 429 without checking the password for {@code backOff}, doubled at each further failure
     * up to {@code maxBackOff}. A success forgets the user's failures; failures are also forgotten
     * {@code forgetAfter} after the last one.
     *
     * @param userFailures failures of one user name before its sign-ins are held back
     * @param addressFailures failures from one address before its sign-ins are held back (higher: an office
     *     behind one NAT address shares it)
     * @param backOff the first back-off
     * @param maxBackOff the longest back-off
     * @param forgetAfter how long failures are remembered after the last one (at least {@code maxBackOff})
     * @param maxTracked user names, and separately addresses, remembered at most (bounded memory)
     */
    public record LoginThrottle(
            @Min(1) @DefaultValue("5") int userFailures,
            @Min(1) @DefaultValue("20") int addressFailures,
            @NotNull @DefaultValue("30s") Duration backOff,
            @NotNull @DefaultValue("15m") Duration maxBackOff,
            @NotNull @DefaultValue("1h") Duration forgetAfter,
            @Min(1) @DefaultValue("100000") int maxTracked) {

        public static final LoginThrottle DEFAULTS = new LoginThrottle(5, 20, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(1), 100_000);

        public LoginThrottle {
            if (backOff != null && maxBackOff != null && forgetAfter != null
                    && (backOff.isNegative() || backOff.isZero() || maxBackOff.compareTo(backOff) < 0
                            || forgetAfter.compareTo(maxBackOff) < 0)) {
                throw new IllegalArgumentException("okienko.security.login-throttle needs 0 < back-off <= max-back-off"
                        + " <= forget-after, was " + backOff + ", " + maxBackOff + ", " + forgetAfter);
            }
        }
    }

    /**
     * A person who signs in to the dashboard or calls the read APIs.
     *
     * @param password plain text, or Spring Security's encoded form such as {@code {bcrypt}$2a$...}
     * @param roles SUPERVISOR, SECURITY, ANALYST, ADMIN
     * @param offices the offices a non-admin user may see; {@code *} means all
     */
    public record User(@NotBlank String username, @NotBlank String password, @NotEmpty List<Role> roles,
            List<String> offices) {

        public User {
            offices = offices == null ? List.of() : List.copyOf(offices);
        }
    }

    /** The roles a person signs in with: what they may see and do. */
    public enum Role {
        SUPERVISOR, SECURITY, ANALYST, ADMIN
    }

    /**
     * An API key of one building system (per-source keys scoped to offices).
     *
     * @param key the secret sent in {@code X-Api-Key}
     * @param source the sending system's name, which events must carry in {@code source}; {@code *} accepts any
     * @param offices the offices it may send events for; {@code *} means all
     */
    public record ApiKey(@NotBlank String key, @NotBlank String source, @NotEmpty Set<String> offices) {
    }

    /**
     * How long the live stores keep items that are closed; the day figures ({@code ?date=}) stay for every day.
     *
     * @param metCallbacks a met callback obligation (T3, T4), counted from when it was met or, if later, due
     * @param resolvedIncidents a resolved incident and the panic presses merged into it (I1), from its last event
     * @param unresolvedReports an incident report that raised no alert and was never resolved (I1), from its last event
     */
    public record Retention(
            @NotNull @DefaultValue("90d") Duration metCallbacks,
            @NotNull @DefaultValue("2d") Duration resolvedIncidents,
            @NotNull @DefaultValue("30d") Duration unresolvedReports) {

        public Retention {
            for (Duration d : new Duration[] {metCallbacks, resolvedIncidents, unresolvedReports}) {
                if (d != null && d.compareTo(Duration.ofHours(1)) < 0) {
                    throw new IllegalArgumentException("okienko.retention.* must be at least 1h (late events must still"
                            + " find what they belong to), was " + d);
                }
            }
        }
    }

    /** @param enabled sample offices with simulated live traffic, and generated users when none are configured */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /**
     * Several instances of one deployment ({@code okienko.kafka.application-server} set on each): each
     * answers the views of the partitions it holds for the others, over HTTP at
     * {@code /internal/v1/stores/...}, which only a caller with the shared secret may use.
     *
     * @param secret the instances' shared secret (at least 16 characters), the same on every instance
     * @param peerTimeout how long an instance waits for another's answer before trying the next copy
     */
    public record Cluster(String secret, @NotNull @DefaultValue("5s") Duration peerTimeout) {
    }
}
