package pl.okienko.dashboard.platform.security;

import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The office scope of every path that names an office in its {@code {officeId}} ({@link #PATHS}: the read
 * APIs and the office pages of every concern, Q1..C1): checked once per request in the filter chains, so a
 * handler added under these paths is scoped without being marked. An anonymous caller is denied (the chain
 * answers 401); a signed-in one who may not see the office gets an {@link AccessDeniedException} that names
 * it, which the chain answers 403. A handler whose office is not in its path (a parameter, or known only
 * once something is found) calls {@link OfficeAccess#check} itself.
 */
public final class OfficeScope implements AuthorizationManager<RequestAuthorizationContext> {

    /** The path variable that names the office. */
    public static final String VARIABLE = "officeId";
    /** Every path of the API and the pages under one office. */
    public static final String[] PATHS = {"/api/v1/offices/{" + VARIABLE + "}/**", "/offices/{" + VARIABLE + "}/**"};

    private final OfficeAccess access;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public OfficeScope(OfficeAccess access) {
        this.access = access;
    }

    /**
     * @throws AccessDeniedException naming the office when the signed-in caller may not see it; thrown rather
     *     than returned as a plain denial so that the 403 says which office
     */
    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        if (!trust.isAuthenticated(caller)) {
            return new AuthorizationDecision(false);
        }
        access.check(caller, request.getVariables().get(VARIABLE));
        return new AuthorizationDecision(true);
    }
}
