package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.config.OkienkoProperties.ApiKey;

class ApiKeyRegistryTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry(List.of(
            new ApiKey("town-key", "qmatic-1", Set.of("UM-JED")),
            new ApiKey("any-key", "*", Set.of("*"))));

    @Test
    void aKnownKeyNamesItsSourceAndOffices() {
        ApiKeyPrincipal town = registry.find("town-key").orElseThrow();

        assertThat(town.source()).isEqualTo("qmatic-1");
        assertThat(town.mayWriteFor("UM-JED")).isTrue();
        assertThat(town.mayWriteFor("SP-GOS")).isFalse();
        assertThat(town.maySendAs("qmatic-1")).isTrue();
        assertThat(town.maySendAs("pbx")).isFalse();
    }

    @Test
    void theWildcardCoversEveryOfficeAndSource() {
        ApiKeyPrincipal any = registry.find("any-key").orElseThrow();

        assertThat(any.mayWriteFor("PUP-LDZ")).isTrue();
        assertThat(any.maySendAs("whatever")).isTrue();
    }

    @Test
    void unknownBlankAndMissingKeysFindNothing() {
        assertThat(registry.find("town-key2")).isEmpty();
        assertThat(registry.find(" ")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void twoSourcesMayNotShareAKey() {
        assertThatThrownBy(() -> new ApiKeyRegistry(List.of(
                new ApiKey("same", "a", Set.of("*")), new ApiKey("same", "b", Set.of("*")))))
                .hasMessageContaining("'a'").hasMessageContaining("'b'");
    }
}
