package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;

/** Every page carries the browser's hardening headers (issue 11, finding 7). */
class SecurityHeadersIT extends IntegrationTest {

    @Test
    void shouldSendCspReferrerAndPermissionsPoliciesOnTheLoginPage() {
        HttpResponse<String> login = get("/login", null, null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertHardened(login);
    }

    @Test
    void shouldSendCspReferrerAndPermissionsPoliciesOnASignedInPageAndOnTheApi() {
        PageSession supervisor = PageSession.signIn(port, "supervisor", "supervisor-password");

        HttpResponse<String> office = supervisor.get("/offices/" + TOWN);
        HttpResponse<String> api = get("/api/v1/offices", "supervisor", "supervisor-password");

        assertThat(office.statusCode()).isEqualTo(200);
        assertHardened(office);
        assertThat(api.statusCode()).isEqualTo(200);
        assertHardened(api);
    }

    private static void assertHardened(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("camera=()").contains("microphone=()").contains("geolocation=()"));
    }
}
