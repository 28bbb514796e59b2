package pl.okienko.processors.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads and writes the text values of an alert's details map (Q2, P1, T3/T4, E1, C1, I1). */
record DetailMap(Map<String, String> values) {

    /** An empty map to write into, keeping the order the values are put. */
    static DetailMap writer() {
        return new DetailMap(new LinkedHashMap<>());
    }

    /** Puts {@code value} as text, unless it is null. */
    DetailMap put(String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
        return this;
    }

    String text(String key) {
        return values.get(key);
    }

    Integer integer(String key) {
        Long value = number(key);
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    Long number(String key) {
        return parsed(key, Long::valueOf);
    }

    Boolean flag(String key) {
        return parsed(key, Boolean::valueOf);
    }

    Instant instant(String key) {
        return parsed(key, Instant::parse);
    }

    /** The value parsed, or null when it is missing or does not parse. */
    private <T> T parsed(String key, Function<String, T> parse) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
