package pl.okienko.processors.common;

import java.time.LocalDate;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.schemas.EventContract;

/**
 * Composite state-store keys. Every key starts with the officeId, so one office's state is a
 * contiguous range (prefix scans) on the instance that owns the office's partition.
 */
public final class Keys {

    /** Ids may not contain it; the contract check refuses such records. */
    public static final char SEPARATOR = EventContract.KEY_SEPARATOR;

    private Keys() {
    }

    public static String of(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    /** The prefix of every key of one office. */
    public static String officePrefix(String officeId) {
        return officeId + SEPARATOR;
    }

    /** The prefix of every key of one office's day: {@code officeId|yyyy-MM-dd|}. */
    public static String dayPrefix(String officeId, LocalDate date) {
        return of(officeId, date.toString()) + SEPARATOR;
    }

    /** Hands every entry of {@code store} under {@code prefix} (an office's, a day's) to {@code each}, in key order. */
    public static <V> void scan(ReadOnlyKeyValueStore<String, V> store, String prefix, BiConsumer<String, V> each) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> each.accept(kv.key, kv.value));
        }
    }

    /**
     * {@code value} in decimal, zero-padded to {@code width} digits (negative values count as 0), so that keys sort
     * in numeric order; {@code String.format} cost more than the rest of a key on the hot path.
     */
    public static String padded(long value, int width) {
        String digits = Long.toString(Math.max(0, value));
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** The i-th part of a composite key. */
    public static String part(String key, int index) {
        return key.split("\\" + SEPARATOR, -1)[index];
    }
}
