package pl.okienko.dashboard.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a person lands after signing in (issue 14): a guard (role SECURITY, not ADMIN) on the security
 * console (I1), unless they asked for another page than the home page before signing in; everyone else on
 * the page they asked for, else the home page.
 */
public final class LoginLanding implements AuthenticationSuccessHandler {

    static final String CONSOLE = "/security";

    private final RequestCache requests;
    private final SavedRequestAwareAuthenticationSuccessHandler others = new SavedRequestAwareAuthenticationSuccessHandler();

    public LoginLanding(RequestCache requests) {
        this.requests = requests;
        others.setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (guard(authentication) && !askedForAnotherPage(request, response)) {
            requests.removeRequest(request, response);
            response.sendRedirect(request.getContextPath() + CONSOLE);
            return;
        }
        others.onAuthenticationSuccess(request, response, authentication);
    }

    static boolean guard(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> Roles.SECURITY.equals(a.getAuthority()))
                && authentication.getAuthorities().stream().noneMatch(a -> Roles.ADMIN.equals(a.getAuthority()));
    }

    private boolean askedForAnotherPage(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        if (saved == null) {
            return false;
        }
        String path = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build().getPath();
        String home = request.getContextPath() + "/";
        return path != null && !path.equals(home) && !path.equals(request.getContextPath());
    }
}
