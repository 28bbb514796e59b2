package pl.okienko.dashboard.ingest;

import java.util.List;

/**
 * Events of a batch name an office, or a unit of an office, that the directory does not hold
 * (issue 11); answered 400 with one error per such line, like any other bad line, and nothing is written.
 */
public class UnknownInDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<EventBatch.LineError> errors;

    public UnknownInDirectoryException(List<EventBatch.LineError> errors) {
        super(errors.size() + " line(s) name what the directory does not hold");
        this.errors = List.copyOf(errors);
    }

    public List<EventBatch.LineError> errors() {
        return errors;
    }
}
