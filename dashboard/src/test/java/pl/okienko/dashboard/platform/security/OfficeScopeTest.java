package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The office scope of the filter chains: every handler whose path names an office is behind
 * {@link OfficeScope#PATHS}, so a new one cannot be left unchecked, and the rule lets the office's people in,
 * refuses others naming the office, and leaves anonymous callers to sign in.
 */
class OfficeScopeTest {

    private static final String OFFICE = "UM-A";
    private static final String OTHER = "UM-B";
    private static final String ADMIN_API = "/api/v1/admin/";

    private final OfficeScope scope = new OfficeScope(new OfficeAccess());

    @Test
    void everyMappedPathThatNamesAnOfficeIsCheckedByTheRule() {
        List<String> officePaths = mappedPaths().filter(path -> path.contains("{" + OfficeScope.VARIABLE + "}")).toList();

        assertThat(officePaths).contains("/api/v1/offices/{officeId}/queues", "/offices/{officeId}/live");
        // The ADMIN's directory API is ADMIN-only in the chain, and the ADMIN sees every office.
        assertThat(officePaths).filteredOn(path -> !path.startsWith(ADMIN_API))
                .allSatisfy(path -> assertThat(officeMatched(path)).as(path).contains(OTHER));
    }

    @Test
    void theOfficesSupervisorIsLetIn() {
        assertThat(scope.authorize(() -> supervisor(), request("/api/v1/offices/" + OFFICE + "/queues")).isGranted()).isTrue();
        assertThat(scope.authorize(() -> supervisor(), request("/offices/" + OFFICE + "/days/2026-11-20")).isGranted()).isTrue();
    }

    @Test
    void anotherOfficesSupervisorIsRefusedNamingTheOffice() {
        assertThatThrownBy(() -> scope.authorize(() -> supervisor(), request("/offices/" + OTHER + "/live")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("you may not see office " + OTHER);
    }

    @Test
    void anAnonymousCallerIsDeniedSoThatTheChainAsksToSignIn() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(scope.authorize(() -> anonymous, request("/api/v1/offices/" + OFFICE + "/phone")).isGranted()).isFalse();
    }

    /** Every path a controller of the dashboard maps, with its class's prefix. */
    private static Stream<String> mappedPaths() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        return scanner.findCandidateComponents("pl.okienko.dashboard").stream()
                .map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), OfficeScopeTest.class.getClassLoader()))
                .flatMap(OfficeScopeTest::paths);
    }

    private static Stream<String> paths(Class<?> controller) {
        RequestMapping prefix = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        List<String> prefixes = prefix == null || prefix.path().length == 0 ? List.of("") : Arrays.asList(prefix.path());
        return Arrays.stream(controller.getDeclaredMethods())
                .map(method -> AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class))
                .filter(mapping -> mapping != null)
                .flatMap(mapping -> Arrays.stream(mapping.path()))
                .flatMap(path -> prefixes.stream().map(start -> start + path));
    }

    /** The office the rule reads from {@code pattern} filled in with {@link #OTHER}, if one of its paths matches. */
    private static Optional<String> officeMatched(String pattern) {
        String path = pattern.replace("{" + OfficeScope.VARIABLE + "}", OTHER).replaceAll("\\{\\*?\\w+}", "x");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        return Arrays.stream(OfficeScope.PATHS)
                .map(rule -> PathPatternRequestMatcher.withDefaults().matcher(rule).matcher(request))
                .filter(RequestMatcher.MatchResult::isMatch)
                .map(match -> match.getVariables().get(OfficeScope.VARIABLE))
                .findFirst();
    }

    private static RequestAuthorizationContext request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        Map<String, String> variables = Arrays.stream(OfficeScope.PATHS)
                .map(rule -> PathPatternRequestMatcher.withDefaults().matcher(rule).matcher(request))
                .filter(RequestMatcher.MatchResult::isMatch)
                .findFirst().orElseThrow().getVariables();
        return new RequestAuthorizationContext(request, variables);
    }

    private static Authentication supervisor() {
        OkienkoUser user = new OkienkoUser("supervisor", "password", List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR")),
                Set.of(OFFICE));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
