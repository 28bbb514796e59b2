package pl.okienko.dashboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.PolicyScope;

class PolicyKeyTest {

    @Test
    void anOfficeIdIsTheOfficeScope() {
        assertThat(PolicyKey.parse("UM-JED")).isEqualTo(new PolicyKey("UM-JED", PolicyScope.OFFICE, null));
    }

    @Test
    void narrowerScopesNameTheirKindAndId() {
        PolicyKey key = PolicyKey.parse("/UM-JED/queue/A");

        assertThat(key).isEqualTo(new PolicyKey("UM-JED", PolicyScope.QUEUE, "A"));
        assertThat(key.value()).isEqualTo("UM-JED/queue/A");
        assertThat(PolicyKey.parse("SP-GOS/mailbox/M-1").scope()).isEqualTo(PolicyScope.MAILBOX);
    }

    @Test
    void otherShapesAreRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"", "UM-JED/room/7", "UM-JED/queue", "UM-JED/queue/", "a/b/c/d"}) {
            assertThatThrownBy(() -> PolicyKey.parse(bad)).hasMessageContaining("officeId/department|queue|line|mailbox/ID");
        }
    }
}
