package pl.okienko.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the numeric flags of every benchmark tool: a count, a rate or a duration is refused when it is
 * no number or out of range, instead of running a benchmark that measures nothing. Underscores are allowed as in Java
 * literals (600_000).
 */
public final class Counts {

    private Counts() {
    }

    /** At least one. */
    public static final class Positive implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return atLeast(1, value);
        }
    }

    /** Zero or more. */
    public static final class NonNegative implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return atLeast(0, value);
        }
    }

    private static long atLeast(long minimum, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a number, was " + value);
        }
        if (parsed < minimum) {
            throw new TypeConversionException(minimum == 0 ? "must not be negative, was " + value : "must be positive, was " + value);
        }
        return parsed;
    }
}
