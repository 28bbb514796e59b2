package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import pl.okienko.dashboard.IntegrationTest;

/**
 * Login throttling over real HTTP (issue 11, finding 7): IntegrationTest allows 5 wrong passwords per user
 * name and 20 per address, then holds back for 2 s, doubled up to 4 s. Each client here is a loopback
 * address of its own (never 127.0.0.1, which the other tests share), and the users are this test's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

    @Test
    void shouldRefuseAUserWith429AfterFiveWrongPasswordsOverBasicEvenWithTheRightOneUntilTheBackOffHasPassed(
            CapturedOutput output) throws InterruptedException {
        // Five wrong passwords, each from another address: only the user name links them.
        for (int i = 1; i <= 5; i++) {
            assertThat(basic("127.0.0.2" + i, THROTTLED_BASIC_USER, "wrong-" + i).status()).as("wrong password %d", i)
                    .isEqualTo(401);
        }

        LoopbackHttp.Response refused = basic("127.0.0.26", THROTTLED_BASIC_USER, THROTTLED_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("2");
        assertThat(refused.body()).contains("too many wrong passwords");
        assertThat(output.getOut()).contains("Sign-in of user '" + THROTTLED_BASIC_USER + "' from 127.0.0.26 refused"
                + " without checking the password").doesNotContain(THROTTLED_PASSWORD).doesNotContain("wrong-5");

        Thread.sleep(2_100);
        // The back-off has passed; one more wrong password holds the user back twice as long.
        assertThat(basic("127.0.0.27", THROTTLED_BASIC_USER, "wrong-6").status()).isEqualTo(401);
        LoopbackHttp.Response doubled = basic("127.0.0.27", THROTTLED_BASIC_USER, THROTTLED_PASSWORD);
        assertThat(doubled.status()).isEqualTo(429);
        assertThat(doubled.header("Retry-After")).contains("4");

        Thread.sleep(4_100);
        assertThat(basic("127.0.0.28", THROTTLED_BASIC_USER, THROTTLED_PASSWORD).status()).isEqualTo(200);
        // The success forgot the user's failures: the next wrong password is an ordinary 401 again.
        assertThat(basic("127.0.0.28", THROTTLED_BASIC_USER, "wrong-7").status()).isEqualTo(401);
        assertThat(basic("127.0.0.28", THROTTLED_BASIC_USER, THROTTLED_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnAddressWith429AfterTwentyWrongPasswordsWhateverTheUserWhileOtherAddressesSignIn() {
        for (int i = 1; i <= 20; i++) {
            assertThat(basic("127.0.0.30", "nobody-" + i, "wrong").status()).as("unknown user %d", i).isEqualTo(401);
        }

        LoopbackHttp.Response refused = basic("127.0.0.30", "admin", "admin-password");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("2");
        assertThat(basic("127.0.0.31", "admin", "admin-password").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTheLoginFormWith429AfterFiveWrongPasswordsEvenWithTheRightOne() {
        for (int i = 1; i <= 5; i++) {
            LoopbackHttp.Response wrong = form("127.0.0.4" + i, THROTTLED_FORM_USER, "wrong-" + i);
            assertThat(wrong.status()).as("wrong password %d", i).isEqualTo(302);
            assertThat(wrong.header("Location")).as("wrong password %d", i).hasValueSatisfying(l -> assertThat(l).contains("error"));
        }

        LoopbackHttp.Response refused = form("127.0.0.46", THROTTLED_FORM_USER, THROTTLED_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains("2");
        assertThat(refused.body()).contains("Too many wrong passwords");
    }

    private LoopbackHttp.Response basic(String from, String user, String password) {
        return new LoopbackHttp(from, port).send("GET", "/api/v1/offices", null, "Authorization", LoopbackHttp.basic(user, password));
    }

    /** The login form as a browser at {@code from} fills it in: its page (session and CSRF token) first. */
    private LoopbackHttp.Response form(String from, String user, String password) {
        LoopbackHttp client = new LoopbackHttp(from, port);
        LoopbackHttp.Response page = client.send("GET", "/login", null, "Accept-Language", "en");
        Matcher csrf = CSRF.matcher(page.body());
        Matcher session = SESSION.matcher(page.header("Set-Cookie").orElseThrow());
        assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
        assertThat(session.find()).as("session cookie").isTrue();
        return client.send("POST", "/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1)), "Content-Type", "application/x-www-form-urlencoded", "Cookie", session.group(1),
                "Accept-Language", "en", "Accept", "text/html");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
