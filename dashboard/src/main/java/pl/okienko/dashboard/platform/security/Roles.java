package pl.okienko.dashboard.platform.security;

import org.springframework.security.core.Authentication;

/** Who may do what with incidents (I1): security staff acknowledge; ADMIN may do anything. */
public final class Roles {

    static final String SECURITY = "ROLE_SECURITY";
    static final String ADMIN = "ROLE_ADMIN";

    private Roles() {
    }

    public static boolean mayAcknowledgeIncidents(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> SECURITY.equals(a.getAuthority()) || ADMIN.equals(a.getAuthority()));
    }
}
