package pl.okienko.dashboard.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error answer of the API: an RFC 9457 problem ({@link ProblemDetail}) whose
 * {@code detail} is a sentence the caller can act on, e.g.
 * {@code {"type":"about:blank","title":"Not Found","status":404,"detail":"no office UM-X: …","instance":"/api/v1/offices/UM-X/queues"}}.
 */
public final class Problems {

    /** The media type of a problem. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Writes problems where Spring MVC's converters do not run (security filters), in the same form. */
    public static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private Problems() {
    }

    /** A problem of {@code status} saying {@code detail}. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** A problem of {@code status} saying {@code detail}, for {@code path}. */
    public static ProblemDetail of(HttpStatusCode status, String detail, String path) {
        ProblemDetail problem = of(status, detail);
        problem.setInstance(URI.create(path));
        return problem;
    }

    /** 400 saying {@code detail}, with each thing found wrong in an {@code errors} member (e.g. each bad line). */
    public static ProblemDetail withErrors(String detail, List<?> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The answer carrying a problem of {@code status} saying {@code detail}. */
    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(of(status, detail));
    }

    /** 503 with {@code Retry-After}: the caller only has to wait. */
    public static ResponseEntity<ProblemDetail> unavailable(String detail, int retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }
}
