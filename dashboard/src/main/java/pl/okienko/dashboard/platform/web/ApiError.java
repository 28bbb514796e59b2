package pl.okienko.dashboard.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The JSON body of every error answer of the API: the status, its reason phrase and a sentence the
 * caller can act on, e.g. {@code {"status":404,"error":"Not Found","message":"no office UM-X"}}.
 */
public record ApiError(int status, String error, String message) {

    public static ApiError of(HttpStatus status, String message) {
        return new ApiError(status.value(), status.getReasonPhrase(), message);
    }

    public static ResponseEntity<ApiError> response(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(of(status, message));
    }
}
