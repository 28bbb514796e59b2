package pl.okienko.dashboard.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import com.github.benmanes.caffeine.cache.Ticker;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.config.StartupOffices;

/**
 * Who may do what. Three filter chains:
 * <ul>
 * <li>{@code /api/v1/events}: building systems, by {@code X-Api-Key} only; no session, no CSRF.</li>
 * <li>{@code /api/**} and {@code /actuator/**}: scripts by HTTP Basic, pages by their session; never
 * creates a session, no CSRF token (the session cookie is SameSite=Strict instead, and a session's writes
 * from another site are refused by their Origin). Schemas, health and
 * Prometheus are public; the admin API needs ADMIN.</li>
 * <li>everything else: the pages, with form login at {@code /login} and CSRF protection; the OpenAPI
 * description at {@code /v3/api-docs} is public.</li>
 * </ul>
 * In the API and the pages alike, every path under one office is open only to those who may see that office
 * ({@link OfficeScope}).
 * Issue 11's web hardening on top: wrong passwords on the form and HTTP Basic are throttled
 * ({@link LoginThrottle}), the API refuses state-changing session requests from other sites
 * ({@link SessionOriginFilter}), and every response carries a Content-Security-Policy, Referrer-Policy and
 * Permissions-Policy.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String ADMIN = "ADMIN";

    /**
     * Only this server's own scripts, styles, images and connections (htmx, its SSE extension and the
     * security console's fetch all stay on this origin); no plugins, no framing, forms post here only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";
    /** Powerful browser features no page uses are switched off for every page and anything it would embed. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(),"
            + " serial=(), hid=(), midi=(), display-capture=(), publickey-credentials-get=()";

    @Bean
    Accounts accounts(OkienkoProperties properties, List<StartupOffices> startupOffices) {
        String demoOffice = startupOffices.stream().flatMap(startup -> startup.offices().stream())
                .map(office -> office.getOfficeId()).findFirst().orElse(null);
        return Accounts.of(properties, demoOffice);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OkienkoUserDetailsService userDetailsService(Accounts accounts, PasswordEncoder encoder) {
        List<OkienkoUser> users = accounts.users().stream().map(user -> new OkienkoUser(user.username(),
                encoded(user.password(), encoder),
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(),
                Set.copyOf(user.offices()))).toList();
        return new OkienkoUserDetailsService(users);
    }

    @Bean
    ApiKeyRegistry apiKeyRegistry(Accounts accounts) {
        return new ApiKeyRegistry(accounts.apiKeys());
    }

    @Bean
    LoginThrottle loginThrottle(OkienkoProperties properties) {
        return new LoginThrottle(properties.security().loginThrottle(), Ticker.systemTicker());
    }

    @Bean
    LoginAttempts loginAttempts(LoginThrottle throttle) {
        return new LoginAttempts(throttle);
    }

    /** Other instances of the deployment reading the store partitions this one holds ({@code /internal/**}). */
    @Bean
    @Order(0)
    SecurityFilterChain instanceChain(HttpSecurity http, OkienkoProperties properties) throws Exception {
        return machineChain(http, "/internal/**", new InstanceSecretFilter(properties.cluster().secret()),
                "ROLE_" + InstanceSecretFilter.ROLE, "send the instances' shared secret in the " + InstanceSecretFilter.HEADER
                        + " header");
    }

    /** Building systems sending events, by their API key. */
    @Bean
    @Order(1)
    SecurityFilterChain ingestChain(HttpSecurity http, ApiKeyRegistry keys) throws Exception {
        return machineChain(http, "/api/v1/events", new ApiKeyAuthenticationFilter(keys),
                ApiKeyAuthentication.SOURCE_AUTHORITY, "send the source's API key in the X-Api-Key header");
    }

    /**
     * A path for machines, not people: no session, no CSRF token, no saved request; {@code authentication}
     * signs the caller in or answers 401 itself, and the caller must then hold {@code authority}.
     */
    private static SecurityFilterChain machineChain(HttpSecurity http, String path, Filter authentication,
            String authority, String howToSignIn) throws Exception {
        return http.securityMatcher(path)
                .headers(SecurityConfiguration::securityHeaders)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(authority))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(jsonEntryPoint(howToSignIn))
                        .accessDeniedHandler(JsonErrors.accessDenied()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, LoginThrottle throttle, OfficeAccess access) throws Exception {
        AuthenticationEntryPoint entryPoint = jsonEntryPoint("sign in, or send HTTP Basic credentials");
        return http.securityMatcher("/api/**", "/actuator/**")
                .headers(SecurityConfiguration::securityHeaders)
                .addFilterBefore(new SessionOriginFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(LoginThrottleFilter.forHttpBasic(throttle), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/schemas", "/api/v1/schemas/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/api/v1/admin/**", "/actuator/**").hasRole(ADMIN)
                        // I1: acknowledging alerts (pagers, radios, the console's button); webhook status for admins
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/ack").hasAnyRole("SECURITY", "SUPERVISOR", ADMIN)
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(ADMIN)
                        // issue 15: what-if replays, each job scoped to its office by the controller
                        .requestMatchers("/api/v1/whatif", "/api/v1/whatif/**").hasAnyRole("ANALYST", ADMIN)
                        .requestMatchers(OfficeScope.PATHS).access(new OfficeScope(access))
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(JsonErrors.accessDenied()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, LoginThrottle throttle, OfficeAccess access) throws Exception {
        RequestCache returnTo = pagesToReturnTo();
        return http
                .headers(SecurityConfiguration::securityHeaders)
                .addFilterBefore(LoginThrottleFilter.forLoginForm(throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
                        // The OpenAPI description of /api/v1, public like the schemas it describes
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // I1: the security console
                        .requestMatchers("/security", "/security/**").hasAnyRole("SECURITY", ADMIN)
                        // the administrator's pages, e.g. webhook delivery status
                        .requestMatchers("/admin", "/admin/**").hasRole(ADMIN)
                        .requestMatchers("/whatif", "/whatif/**").hasAnyRole("ANALYST", ADMIN)
                        .requestMatchers(OfficeScope.PATHS).access(new OfficeScope(access))
                        .anyRequest().authenticated())
                // A page's htmx request (a panel polling every few seconds) after the session ended: the whole page
                // goes to the login form, instead of the login form being swapped into the panel.
                .requestCache(cache -> cache.requestCache(returnTo))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> {
                            response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                            response.setStatus(HttpStatus.UNAUTHORIZED.value());
                        },
                        request -> request.getHeader("HX-Request") != null))
                // Guards land on the security console (I1), others where they were going
                .formLogin(form -> form.loginPage("/login").successHandler(new LoginLanding(returnTo)).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /** After signing in, back to the page asked for; never to a panel a page was polling (an htmx request). */
    private static RequestCache pagesToReturnTo() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        return cache;
    }

    private static String encoded(String password, PasswordEncoder encoder) {
        // "{bcrypt}...", "{noop}..." are already in Spring Security's storage form; anything else is plain text.
        return password.startsWith("{") && password.indexOf('}') > 1 ? password : encoder.encode(password);
    }

    private static AuthenticationEntryPoint jsonEntryPoint(String message) {
        return (request, response, e) -> {
            // Scripts get the Basic challenge; htmx requests from pages must not open the browser's login dialog.
            if (request.getHeader("HX-Request") == null && !request.getRequestURI().endsWith("/events")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"okienko\"");
            }
            JsonErrors.write(request, response, HttpStatus.UNAUTHORIZED, message);
        };
    }
}
