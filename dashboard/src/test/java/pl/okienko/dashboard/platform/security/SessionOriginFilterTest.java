package pl.okienko.dashboard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionOriginFilterTest {

    @Test
    void shouldTakeAnOriginOfThisServersSchemeHostAndPortAsSameOrigin() {
        assertThat(SessionOriginFilter.sameOrigin("http://localhost:8080", "http", "localhost", 8080)).isTrue();
        assertThat(SessionOriginFilter.sameOrigin("HTTPS://Okienko.Example", "https", "okienko.example", 443)).isTrue();
        assertThat(SessionOriginFilter.sameOrigin("http://localhost:8080/offices/UM-JED?date=2026-01-01", "http", "localhost", 8080))
                .as("a Referer").isTrue();
    }

    @Test
    void shouldTakeAnotherSchemeHostOrPortAsAnotherSite() {
        assertThat(SessionOriginFilter.sameOrigin("http://evil.example", "http", "localhost", 8080)).isFalse();
        assertThat(SessionOriginFilter.sameOrigin("http://localhost:8081", "http", "localhost", 8080)).isFalse();
        assertThat(SessionOriginFilter.sameOrigin("https://localhost:8080", "http", "localhost", 8080)).isFalse();
        assertThat(SessionOriginFilter.sameOrigin("http://localhost.evil.example:8080", "http", "localhost", 8080)).isFalse();
    }

    @Test
    void shouldTakeNullAndGarbageAsAnotherSite() {
        assertThat(SessionOriginFilter.sameOrigin("null", "http", "localhost", 8080)).isFalse();
        assertThat(SessionOriginFilter.sameOrigin("not a url", "http", "localhost", 8080)).isFalse();
        assertThat(SessionOriginFilter.sameOrigin("", "http", "localhost", 8080)).isFalse();
    }
}
