package pl.okienko.dashboard.platform.web;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.kafka.RecordPublisher;

/**
 * Turns every failure of the API into one {@link Problems problem} whose {@code detail} names what is
 * wrong: a bad or missing parameter (400), an office the caller may not see (403), an unknown office
 * (404), a content type not accepted (415). Views that cannot be read yet (Kafka Streams starting,
 * restoring or rebalancing) answer 503 with {@code Retry-After}, not 500: the caller only has to wait.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        LOG.debug("View not queryable yet", e);
        return Problems.unavailable("the views are not ready yet (Kafka Streams is starting, "
                + "restoring its state or rebalancing); try again in a few seconds", 2);
    }

    @ExceptionHandler
    ProblemDetail notWritten(RecordPublisher.PublishException e) {
        LOG.warn("A write to Kafka failed", e);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "nothing was written: " + e.getMessage() + "; try again");
    }

    @ExceptionHandler
    ProblemDetail refused(RecordPublisher.RefusedException e) {
        LOG.warn("Kafka refused a batch for good: {}", e.getMessage());
        return Problems.of(HttpStatus.BAD_REQUEST, "nothing was written: " + e.getMessage()
                + "; sending it again will not help (see docs/events.md, Limits)");
    }

    @ExceptionHandler
    ProblemDetail status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return Problems.of(status, e.getReason() == null ? status.getReasonPhrase() : e.getReason());
    }

    @ExceptionHandler
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String value = shown(String.valueOf(e.getValue()));
        String expected = LocalDate.class.equals(e.getRequiredType()) ? "a date: expected YYYY-MM-DD, e.g. 2026-11-21"
                : "a valid " + e.getRequiredType().getSimpleName();
        return Problems.of(HttpStatus.BAD_REQUEST, e.getName() + " " + value + " is not " + expected);
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> name(result.getMethodParameter())
                        + " " + result.getArgument() + " " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return Problems.of(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    /** The name the caller used: a request parameter's or path variable's, which may differ from the Java name. */
    private static String name(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        return parameter.getParameterName();
    }

    /** The value as the caller sent it, quoted, or only its length when it is long. */
    private static String shown(String text) {
        return text.length() <= 32 ? "'" + text + "'" : "of " + text.length() + " characters";
    }
}
