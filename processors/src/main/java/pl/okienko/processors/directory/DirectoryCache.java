package pl.okienko.processors.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.policy.EffectivePolicy;

/**
 * Decoded directory entries and effective policies for one processor, kept until the office's entry or policies
 * change ({@link DirectoryChanges}): decoding an office's whole directory record for every event cost more than the
 * event itself. A change that reaches the global store without passing its updater (the store rebuilt from its
 * topic) applies within {@code ttlMillis}. Not thread-safe: one per processor instance, as Kafka Streams runs each
 * on one thread.
 */
public final class DirectoryCache {

    /** How long the processors keep a decoded office and policy at most, whatever {@link DirectoryChanges} says. */
    public static final long TTL_MILLIS = 60_000;

    private record Entry<T>(T value, long loadedAt, long changes) {

        boolean fresh(long nowMillis, long ttlMillis, long changesNow) {
            return changes == changesNow && nowMillis - loadedAt < ttlMillis && nowMillis >= loadedAt;
        }
    }

    private final ReadOnlyKeyValueStore<String, Office> offices;
    private final ReadOnlyKeyValueStore<String, Policy> policies;
    private final long ttlMillis;
    private final Map<String, Entry<OfficeInfo>> officeCache = new HashMap<>();
    private final Map<String, Entry<EffectivePolicy>> policyCache = new HashMap<>();

    public DirectoryCache(ReadOnlyKeyValueStore<String, Office> offices, ReadOnlyKeyValueStore<String, Policy> policies,
            long ttlMillis) {
        this.offices = offices;
        this.policies = policies;
        this.ttlMillis = ttlMillis;
    }

    public OfficeInfo office(String officeId, long nowMillis) {
        Entry<OfficeInfo> cached = officeCache.get(officeId);
        long changes = DirectoryChanges.of(officeId);
        if (cached == null || !cached.fresh(nowMillis, ttlMillis, changes)) {
            OfficeInfo office = OfficeInfo.lookup(offices, officeId);
            if (!office.known()) {
                // not kept: an office's entry may reach the directory just after its first events
                officeCache.remove(officeId);
                return office;
            }
            cached = new Entry<>(office, nowMillis, changes);
            officeCache.put(officeId, cached);
        }
        return cached.value();
    }

    /** Drops what is kept of the office, so its next use reads the stores again. */
    public void forget(String officeId) {
        officeCache.remove(officeId);
        policyCache.keySet().removeIf(key -> key.startsWith(Keys.officePrefix(officeId)));
    }

    public EffectivePolicy queuePolicy(String officeId, String queueId, long nowMillis) {
        return policy(officeId, Keys.of(officeId, "queue", queueId), nowMillis,
                () -> office(officeId, nowMillis).queuePolicy(policies, queueId));
    }

    /** The thresholds in force for a department (I1), or for the office when {@code departmentId} is null. */
    public EffectivePolicy departmentPolicy(String officeId, String departmentId, long nowMillis) {
        // the office's own key has one part less, so no department id can take its place
        String key = departmentId == null ? Keys.of(officeId, "office") : Keys.of(officeId, "department", departmentId);
        return policy(officeId, key, nowMillis,
                () -> office(officeId, nowMillis).departmentPolicy(policies, departmentId));
    }

    private EffectivePolicy policy(String officeId, String key, long nowMillis, Supplier<EffectivePolicy> load) {
        Entry<EffectivePolicy> cached = policyCache.get(key);
        long changes = DirectoryChanges.of(officeId);
        if (cached == null || !cached.fresh(nowMillis, ttlMillis, changes)) {
            cached = new Entry<>(load.get(), nowMillis, changes);
            policyCache.put(key, cached);
        }
        return cached.value();
    }
}
