package pl.okienko.processors.common;

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

    /** The i-th part of a composite key. */
    public static String part(String key, int index) {
        return key.split("\\" + SEPARATOR, -1)[index];
    }
}
