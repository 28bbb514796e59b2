package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/** Where a person lands after signing in (issue 14): guards on the security console (I1), others where they were going. */
class LoginLandingTest {

    /** Spring Security marks the saved request it sends one back to with {@code continue}. */
    private static final String OFFICE_PAGE = "http://localhost/offices/UM-JED?continue";

    private final HttpSessionRequestCache cache = new HttpSessionRequestCache();
    private final LoginLanding landing = new LoginLanding(cache);

    @Test
    void aGuardLandsOnTheConsoleWhenTheyAskedForNothingOrTheHomePage() throws Exception {
        assertThat(landAfter(null, "ROLE_SECURITY")).isEqualTo("/security");
        assertThat(landAfter("/", "ROLE_SECURITY")).isEqualTo("/security");
    }

    @Test
    void aGuardWhoAskedForAnotherPageGetsThatPage() throws Exception {
        assertThat(landAfter("/offices/UM-JED", "ROLE_SECURITY")).isEqualTo(OFFICE_PAGE);
    }

    @Test
    void everyoneElseLandsWhereTheyWereGoingOrOnTheHomePage() throws Exception {
        assertThat(landAfter(null, "ROLE_SUPERVISOR")).isEqualTo("/");
        assertThat(landAfter("/offices/UM-JED", "ROLE_SUPERVISOR")).isEqualTo(OFFICE_PAGE);
        assertThat(landAfter(null, "ROLE_ADMIN", "ROLE_SECURITY")).isEqualTo("/");
    }

    private String landAfter(String askedFor, String... roles) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        if (askedFor != null) {
            MockHttpServletRequest asked = new MockHttpServletRequest("GET", askedFor);
            asked.setSession(request.getSession());
            cache.saveRequest(asked, new MockHttpServletResponse());
        }
        landing.onAuthenticationSuccess(request, response,
                new TestingAuthenticationToken("someone", "secret", Arrays.asList(roles).toArray(String[]::new)));
        return response.getRedirectedUrl();
    }
}
