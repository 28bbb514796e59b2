package pl.okienko.dashboard.platform.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which offices a signed-in person may see: ADMIN sees every office, every other role
 * only the offices of its account ({@code *} = all). Every path under one office is checked through
 * {@link OfficeScope} in the filter chains; lists are filtered by {@link #visibleOffices}.
 */
@Component
public class OfficeAccess {

    public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /** True when {@code authentication} may see {@code officeId}. */
    public boolean canSee(Authentication authentication, String officeId) {
        return visibleOffices(authentication).map(offices -> offices.contains(officeId)).orElse(true);
    }

    /**
     * @return the offices {@code authentication} may see, or empty when it may see all of them
     */
    public Optional<Set<String>> visibleOffices(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.of(Set.of());
        }
        if (authentication.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof OkienkoUser user) {
            return user.offices().contains(ApiKeyPrincipal.ANY) ? Optional.empty() : Optional.of(user.offices());
        }
        return Optional.of(Set.of());
    }

    /** @throws AccessDeniedException naming the office when {@code authentication} may not see it */
    public void check(Authentication authentication, String officeId) {
        if (!canSee(authentication, officeId)) {
            throw new AccessDeniedException("you may not see office " + officeId);
        }
    }
}
