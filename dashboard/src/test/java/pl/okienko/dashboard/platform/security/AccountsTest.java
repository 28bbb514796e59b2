package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.config.OkienkoProperties.ApiKey;
import pl.okienko.dashboard.platform.config.OkienkoProperties.Role;
import pl.okienko.dashboard.platform.config.OkienkoProperties.User;

class AccountsTest {

    @Test
    void theDemoWithoutAccountsGetsAnAdminASupervisorAndAnApiKey() {
        Accounts accounts = Accounts.of(properties(List.of(), null, List.of(), true), "UM-JED");

        assertThat(accounts.users()).extracting(User::username).containsExactly("admin", "supervisor");
        assertThat(accounts.users().get(1).offices()).containsExactly("UM-JED");
        assertThat(accounts.apiKeys()).singleElement().satisfies(key -> assertThat(key.offices()).containsExactly("*"));
        assertThat(accounts.generated()).hasSize(3).allMatch(line -> !line.isBlank());
    }

    @Test
    void configuredAccountsAreKeptAndNothingIsGenerated() {
        User alice = new User("alice", "secret", List.of(Role.SUPERVISOR), List.of("SP-GOS"));
        ApiKey key = new ApiKey("k", "pbx", Set.of("SP-GOS"));

        Accounts accounts = Accounts.of(properties(List.of(alice), null, List.of(key), true), "UM-JED");

        assertThat(accounts.users()).containsExactly(alice);
        assertThat(accounts.apiKeys()).containsExactly(key);
        assertThat(accounts.generated()).isEmpty();
    }

    @Test
    void theAdminPasswordShorthandAddsAnAdmin() {
        Accounts accounts = Accounts.of(properties(List.of(), "from-env", List.of(), false), "UM-JED");

        assertThat(accounts.users()).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo("admin");
            assertThat(user.password()).isEqualTo("from-env");
            assertThat(user.roles()).containsExactly(Role.ADMIN);
        });
        assertThat(accounts.generated()).isEmpty();
    }

    @Test
    void withoutAnyAccountOutsideTheDemoOnlyARandomAdminIsGenerated() {
        Accounts accounts = Accounts.of(properties(List.of(), null, List.of(), false), "UM-JED");

        assertThat(accounts.users()).extracting(User::username).containsExactly("admin");
        assertThat(accounts.apiKeys()).isEmpty();
        assertThat(Accounts.of(properties(List.of(), null, List.of(), false), "UM-JED").users().get(0).password())
                .isNotEqualTo(accounts.users().get(0).password());
    }

    private static OkienkoProperties properties(List<User> users, String adminPassword, List<ApiKey> keys, boolean demo) {
        return new OkienkoProperties(Path.of("data"),
                new OkienkoProperties.Kafka(null, 3, 3, 0, null, null, Map.of()),
                new OkienkoProperties.Embedded(9092, List.of()),
                new OkienkoProperties.Directory(null),
                new OkienkoProperties.Security(users, adminPassword, null),
                keys, null, new OkienkoProperties.Demo(demo),
                new OkienkoProperties.Retention(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(30)),
                new OkienkoProperties.Cluster(null, Duration.ofSeconds(5)));
    }
}
