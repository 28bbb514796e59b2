package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt with 429 and {@code Retry-After}, before its password is checked, while its
 * user name or client address is held back by the {@link LoginThrottle} (issue 11, web hardening). One
 * filter sits before the login form's authentication, one before HTTP Basic; each refusal is logged with
 * the user name and address, never the password.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private static final int LOGGED_NAME_LENGTH = 64;

    private final LoginThrottle throttle;
    /** The user name a sign-in attempt gives, or empty when the request is not a sign-in attempt. */
    private final Function<HttpServletRequest, Optional<String>> attempt;
    private final boolean json;

    private LoginThrottleFilter(LoginThrottle throttle, Function<HttpServletRequest, Optional<String>> attempt, boolean json) {
        this.throttle = throttle;
        this.attempt = attempt;
        this.json = json;
    }

    /** For the login form: {@code POST /login}, answered with the error page. */
    public static LoginThrottleFilter forLoginForm(LoginThrottle throttle) {
        return new LoginThrottleFilter(throttle, request -> "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login")
                ? Optional.of(Objects.requireNonNullElse(request.getParameter("username"), "")) : Optional.empty(), false);
    }

    /** For HTTP Basic on the API: any request with Basic credentials, answered in JSON. */
    public static LoginThrottleFilter forHttpBasic(LoginThrottle throttle) {
        BasicAuthenticationConverter converter = new BasicAuthenticationConverter();
        return new LoginThrottleFilter(throttle, request -> {
            try {
                return Optional.ofNullable(converter.convert(request)).map(token -> token.getName());
            } catch (AuthenticationException malformed) {
                return Optional.empty();
            }
        }, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> user = attempt.apply(request);
        Optional<LoginThrottle.Refusal> refusal = user.flatMap(name -> throttle.refusal(name, request.getRemoteAddr()));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = retryAfterSeconds(refusal.get());
        LOG.warn("Sign-in of user '{}' from {} refused without checking the password: the {} is held back for {} s"
                + " after repeated wrong passwords", loggable(user.get()), request.getRemoteAddr(), refusal.get().what(), seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (json) {
            JsonErrors.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "too many wrong passwords; try again in " + seconds + " s");
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    /** Whole seconds, rounded up: a client that waits exactly this long is let through. */
    static long retryAfterSeconds(LoginThrottle.Refusal refusal) {
        long millis = refusal.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** A user name as typed can hold anything: no line breaks or control characters in the log, and not too long. */
    static String loggable(String user) {
        String printable = user.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= LOGGED_NAME_LENGTH ? printable : printable.substring(0, LOGGED_NAME_LENGTH) + "…";
    }
}
