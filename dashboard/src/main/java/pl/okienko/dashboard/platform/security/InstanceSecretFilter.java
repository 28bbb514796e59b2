package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets another Okienko instance of the same deployment in, by the shared secret in
 * {@value #HEADER} ({@code okienko.cluster.secret}); everyone else is answered 401. Without a configured
 * secret nobody gets in: the instances' store reads are never open to the world.
 */
public final class InstanceSecretFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Okienko-Instance-Secret";
    static final String ROLE = "INSTANCE";

    private final byte[] secret;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public InstanceSecretFilter(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (secret == null || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            JsonErrors.write(request, response, HttpStatus.UNAUTHORIZED, secret == null
                    ? "this instance takes no requests from other instances (okienko.cluster.secret is not set)"
                    : "send the instances' shared secret in the " + HEADER + " header");
            return;
        }
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("okienko-instance", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        contextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contextHolder.clearContext();
        }
    }
}
