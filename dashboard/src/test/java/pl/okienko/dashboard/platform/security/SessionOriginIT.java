package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.dashboard.PageSession;

/**
 * A state-changing API request made with the pages' session cookie is refused when it comes from another
 * site (issue 11, finding 7: SameSite was the only defence). Acknowledging an alert that does not exist is
 * 404 when the request gets through, so nothing is acknowledged by the test.
 */
class SessionOriginIT extends IntegrationTest {

    private static final String ACK = "/api/v1/alerts/no-such-alert/ack";

    @Test
    void shouldRefuseA403ForASessionPostWhoseOriginIsAnotherSite() {
        PageSession admin = PageSession.signIn(port, "admin", "admin-password");

        HttpResponse<String> refused = admin.post(ACK, "Origin", "https://evil.example");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("must come from this server's own pages");
    }

    @Test
    void shouldRefuseA403ForASessionPostWithoutOriginWhoseRefererIsAnotherSite() {
        PageSession admin = PageSession.signIn(port, "admin", "admin-password");

        assertThat(admin.post(ACK, "Referer", "https://evil.example/page.html").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldLetASessionPostFromThisServersOwnOriginOrWithoutOneThrough() {
        PageSession admin = PageSession.signIn(port, "admin", "admin-password");

        assertThat(admin.post(ACK, "Origin", admin.origin()).statusCode()).isEqualTo(404);
        assertThat(admin.post(ACK, "Referer", admin.origin() + "/security").statusCode()).isEqualTo(404);
        assertThat(admin.post(ACK).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNotCheckTheOriginOfARequestWithHttpBasicCredentials() {
        HttpResponse<String> script = send("POST", ACK, "admin", "admin-password", null, null);
        PageSession admin = PageSession.signIn(port, "admin", "admin-password");
        HttpResponse<String> withBasicAndCookie = admin.post(ACK, "Origin", "https://elsewhere.example",
                "Authorization", LoopbackHttp.basic("admin", "admin-password"));

        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(withBasicAndCookie.statusCode()).isEqualTo(404);
    }
}
