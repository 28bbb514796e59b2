package pl.okienko.dashboard.platform.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which offices a signed-in person may see: ADMIN sees every office, every other role
 * only the offices of its account ({@code *} = all). Every concern's handlers are checked through
 * {@link OfficeScoped}; lists are filtered by {@link #visibleOffices}.
 */
@Component("officeAccess")
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

    /**
     * The check behind {@link OfficeScoped}: true when {@code authentication} may see {@code officeId}, or when
     * no office is named (the handler then shows only {@link #visibleOffices}).
     *
     * @throws AccessDeniedException naming the office, so the 403 says which
     */
    public boolean require(Authentication authentication, String officeId) {
        if (officeId != null && !officeId.isBlank()) {
            check(authentication, officeId);
        }
        return true;
    }

    /** @throws AccessDeniedException naming the office when {@code authentication} may not see it */
    public void check(Authentication authentication, String officeId) {
        if (!canSee(authentication, officeId)) {
            throw new AccessDeniedException("you may not see office " + officeId);
        }
    }
}
