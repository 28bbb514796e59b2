package pl.okienko.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkienkoApplicationTest {

    @Test
    void theDemoSwitchBecomesTheDemoProperty() {
        assertThat(OkienkoApplication.translateArguments(new String[] {"--server.port=9000", "--demo"}))
                .containsExactly("--server.port=9000", "--okienko.demo.enabled=true");
    }
}
