package pl.okienko.dashboard.ingest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@code POST /api/v1/events} with 400 {@code {"errors":[{"line":k,"message":...}]}} when its
 * events name what the directory does not hold: the same form as lines that are not valid events.
 */
@RestControllerAdvice(assignableTypes = EventIngestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DirectoryCheckAdvice {

    @ExceptionHandler
    ProblemDetail unknown(UnknownInDirectoryException e) {
        return EventIngestController.invalidLines(e.errors());
    }
}
