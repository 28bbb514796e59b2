package pl.okienko.processors.alerts;

import java.util.Map;

/** The details of an alert of a type this reader does not know (Avro reads a newer type as UNKNOWN), as sent. */
public record UnknownDetails(Map<String, String> values) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return values;
    }
}
