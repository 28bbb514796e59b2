package pl.okienko.schemas;

/**
 * An event in the HTTP/NDJSON wire form that does not match the integration contract:
 * unknown type or field, missing or malformed field, instant without offset, blank id. The message
 * names the field and the problem; the ingestion API returns it as the reason of a rejected line.
 */
public class InvalidEventException extends InvalidRecordException {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }
}
