package pl.okienko.processors.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;

/**
 * Notices a change of what an office's effective policies are made of: its directory entry (which department
 * a queue belongs to) and its policy entries of every scope. A processor whose deadlines follow the policy (P1
 * target, Q2 limits) asks once per wall-clock check, so a changed limit applies then even on a quiet queue,
 * not only at the queue's next event. The first look at an office only remembers what it saw.
 * Not thread-safe: one per processor instance.
 */
public final class PolicyWatch {

    private final ReadOnlyKeyValueStore<String, Office> offices;
    private final ReadOnlyKeyValueStore<String, Policy> policies;
    private final Map<String, List<Object>> seen = new HashMap<>();

    public PolicyWatch(ReadOnlyKeyValueStore<String, Office> offices, ReadOnlyKeyValueStore<String, Policy> policies) {
        this.offices = offices;
        this.policies = policies;
    }

    /** True when the office's entries differ from the last look at them (never at the first look). */
    public boolean changed(String officeId) {
        List<Object> now = entries(officeId);
        List<Object> before = seen.put(officeId, now);
        return before != null && !before.equals(now);
    }

    /** The office's entry and its policy entries ("officeId" and "officeId/..." keys), in key order. */
    private List<Object> entries(String officeId) {
        List<Object> entries = new ArrayList<>();
        entries.add(offices.get(officeId));
        String narrower = officeId + "/";
        try (KeyValueIterator<String, Policy> it = policies.prefixScan(officeId, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                if (kv.key.equals(officeId) || kv.key.startsWith(narrower)) {
                    entries.add(KeyValue.pair(kv.key, kv.value));
                }
            });
        }
        return entries;
    }
}
