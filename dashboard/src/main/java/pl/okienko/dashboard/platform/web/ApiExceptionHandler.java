package pl.okienko.dashboard.platform.web;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.kafka.RecordPublisher;

/**
 * Turns the API's failures into {@link ApiError} answers. Views that cannot be read yet (Kafka
 * Streams starting, restoring or rebalancing) answer 503 with {@code Retry-After}, not 500: the
 * caller only has to wait.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ApiError> notReady(InvalidStateStoreException e) {
        LOG.debug("View not queryable yet", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "the views are not ready yet (Kafka Streams is starting, "
                        + "restoring its state or rebalancing); try again in a few seconds"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> notWritten(RecordPublisher.PublishException e) {
        LOG.warn("A write to Kafka failed", e);
        return ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "nothing was written: " + e.getMessage() + "; try again");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> refused(RecordPublisher.RefusedException e) {
        LOG.warn("Kafka refused a batch for good: {}", e.getMessage());
        return ApiError.response(HttpStatus.BAD_REQUEST, "nothing was written: " + e.getMessage()
                + "; sending it again will not help (see docs/events.md, Limits)");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return ApiError.response(status, e.getReason() == null ? status.getReasonPhrase() : e.getReason());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return ApiError.response(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return ApiError.response(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ApiError.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ApiError.response(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }
}
