package pl.okienko.processors.directory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many times each office's directory entry or policies have changed in this JVM, counted by the global stores'
 * updaters ({@link DirectoryStores}) after each write: a {@link DirectoryCache} keeps an office it decoded until its
 * count moves, so an entry is decoded once per change rather than once per event or per second (an office with an
 * incident a minute paid the whole decoding for every event).
 *
 * <p>One count for all the applications in the JVM, each with its own global stores: a change counted by another
 * application only makes a cache read its own store again, and its own store's write is counted after it is made,
 * so no cache keeps an entry older than the last change it counted.
 */
final class DirectoryChanges {

    private static final Map<String, Long> CHANGES = new ConcurrentHashMap<>();

    private DirectoryChanges() {
    }

    /** Counts a change under a directory key: an officeId, or a policy key ("officeId" or "officeId/..."). */
    static void changed(String key) {
        CHANGES.merge(officeOf(key), 1L, Long::sum);
    }

    /** How many changes of the office have been counted so far. */
    static long of(String officeId) {
        Long changes = CHANGES.get(officeId);
        return changes == null ? 0 : changes;
    }

    private static String officeOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}
