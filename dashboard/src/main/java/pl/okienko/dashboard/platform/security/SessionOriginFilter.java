package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's defence against cross-site request forgery, besides the SameSite session cookie (issue 11, web
 * hardening): a state-changing request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) that comes
 * with the pages' session cookie, and with neither HTTP Basic nor an API key, is refused 403 when its
 * {@code Origin} (or, without one, its {@code Referer}) names another site than this server. Scripts that
 * send credentials themselves cannot be forged by another site, so they are not checked.
 */
public final class SessionOriginFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionOriginFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!checked(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String claimed = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
        if (claimed == null || sameOrigin(claimed, request.getScheme(), request.getServerName(), request.getServerPort())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Refused a {} {} with a session cookie from another site ({} {})", request.getMethod(),
                request.getRequestURI(), origin != null ? "Origin" : "Referer", LoginThrottleFilter.loggable(originOf(claimed)));
        JsonErrors.write(request, response, HttpStatus.FORBIDDEN, "a request signed in by the pages' session must come from this"
                + " server's own pages (its Origin or Referer names another site); scripts send HTTP Basic credentials");
    }

    private static boolean checked(HttpServletRequest request) {
        return STATE_CHANGING.contains(request.getMethod())
                && request.getRequestedSessionId() != null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null;
    }

    /**
     * Whether {@code url} (an Origin such as {@code https://host:8443}, or a whole Referer) has this server's
     * scheme, host and port; the default port of the scheme may be left out. "null" and anything that does not
     * parse is another site.
     */
    static boolean sameOrigin(String url, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        return uri.getScheme().equalsIgnoreCase(scheme)
                && uri.getHost().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                && port(uri.getPort(), uri.getScheme()) == port(port, scheme);
    }

    /** Only the site of a Referer goes to the log: its path and query may hold anything. */
    private static String originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
    }

    private static int port(int port, String scheme) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
    }
}
