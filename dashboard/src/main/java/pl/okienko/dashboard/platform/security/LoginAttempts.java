package pl.okienko.dashboard.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Feeds Spring Security's authentication events, from the login form and HTTP Basic alike, to the
 * {@link LoginThrottle} (issue 11, web hardening): a wrong password or an unknown user counts against the
 * user name and the client address; a success forgets the user's failures.
 */
public final class LoginAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginThrottle throttle;

    public LoginAttempts(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String address = address(attempt);
        throttle.failed(attempt.getName(), address).ifPresent(refusal -> LOG.warn(
                "Sign-ins held back for {} s: the {} reached its limit of wrong passwords (last: user '{}' from {})",
                LoginThrottleFilter.retryAfterSeconds(refusal), refusal.what(),
                LoginThrottleFilter.loggable(attempt.getName()), address));
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** The client address the form and Basic filters put in the attempt's details; null for other attempts. */
    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
