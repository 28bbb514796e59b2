package pl.okienko.bench.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedAppTest {

    @Test
    void shouldStartTheJarWithItsOwnDataDirectoryPortBrokerPortUsersAndApiKey() {
        assertThat(PackagedApp.command("/jdk/bin/java", Path.of("/repo/okienko.jar"), Path.of("/tmp/run/data"), 40123)).containsExactly(
                "/jdk/bin/java", "-jar", "/repo/okienko.jar",
                "--server.port=40123",
                "--okienko.data-dir=/tmp/run/data",
                "--okienko.embedded.port=0",
                "--okienko.api-keys[0].key=bench-key-0123456789",
                "--okienko.api-keys[0].source=*",
                "--okienko.api-keys[0].offices=*",
                "--okienko.security.users[0].username=guard",
                "--okienko.security.users[0].password=guard-password",
                "--okienko.security.users[0].roles=SECURITY",
                "--okienko.security.users[0].offices=*",
                "--okienko.security.users[1].username=admin",
                "--okienko.security.users[1].password=admin-password",
                "--okienko.security.users[1].roles=ADMIN",
                "--okienko.security.users[1].offices=*");
    }

    @Test
    void shouldSayHowToBuildTheJarWhenItIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> PackagedApp.start(dir.resolve("okienko.jar"), dir.resolve("run")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no packaged application at " + dir.resolve("okienko.jar"))
                .hasMessageContaining("--no-person");
    }
}
