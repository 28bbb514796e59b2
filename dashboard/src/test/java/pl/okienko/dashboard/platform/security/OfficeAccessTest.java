package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class OfficeAccessTest {

    private final OfficeAccess access = new OfficeAccess();

    @Test
    void anAdminSeesEveryOffice() {
        Authentication admin = user("ROLE_ADMIN", Set.of());

        assertThat(access.visibleOffices(admin)).isEmpty();
        assertThat(access.canSee(admin, "SP-GOS")).isTrue();
    }

    @Test
    void aSupervisorSeesOnlyTheirOffices() {
        Authentication supervisor = user("ROLE_SUPERVISOR", Set.of("UM-JED"));

        assertThat(access.canSee(supervisor, "UM-JED")).isTrue();
        assertThat(access.canSee(supervisor, "SP-GOS")).isFalse();
        assertThatThrownBy(() -> access.check(supervisor, "SP-GOS"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("SP-GOS");
    }

    @Test
    void theWildcardGivesAScopedRoleEveryOffice() {
        assertThat(access.canSee(user("ROLE_ANALYST", Set.of("*")), "PUP-LDZ")).isTrue();
    }

    @Test
    void anonymousAndForeignPrincipalsSeeNothing() {
        assertThat(access.canSee(null, "UM-JED")).isFalse();
        assertThat(access.canSee(new TestingAuthenticationToken("x", "y", "ROLE_SUPERVISOR"), "UM-JED")).isFalse();
    }

    private static Authentication user(String role, Set<String> offices) {
        OkienkoUser user = new OkienkoUser("u", "p", List.of(new SimpleGrantedAuthority(role)), offices);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
