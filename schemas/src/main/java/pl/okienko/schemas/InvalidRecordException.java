package pl.okienko.schemas;

/**
 * A JSON document that does not match its Avro schema. The message says what is wrong and where
 * (the field path), in words an integrator can act on without reading the schema.
 */
public class InvalidRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
