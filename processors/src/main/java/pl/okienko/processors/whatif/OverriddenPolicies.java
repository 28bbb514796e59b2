package pl.okienko.processors.whatif;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Policy;

/**
 * The directory's policies as a what-if replay sees them (issue 15): every policy key of the replayed office reads
 * with the {@link PolicyOverride} applied, also a key with no policy of its own, so the override is what the
 * narrowest scope says and wins. Other offices' policies read as stored.
 */
public final class OverriddenPolicies implements ReadOnlyKeyValueStore<String, Policy> {

    private final ReadOnlyKeyValueStore<String, Policy> stored;
    private final ReplayScope scope;

    public OverriddenPolicies(ReadOnlyKeyValueStore<String, Policy> stored, ReplayScope scope) {
        this.stored = stored;
        this.scope = scope;
    }

    @Override
    public Policy get(String key) {
        Policy policy = stored.get(key);
        return scope.ownsPolicyKey(key) ? scope.override().applyTo(policy, scope.officeId()) : policy;
    }

    @Override
    public KeyValueIterator<String, Policy> range(String from, String to) {
        return new Overridden(stored.range(from, to));
    }

    @Override
    public KeyValueIterator<String, Policy> reverseRange(String from, String to) {
        return new Overridden(stored.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<String, Policy> all() {
        return new Overridden(stored.all());
    }

    @Override
    public KeyValueIterator<String, Policy> reverseAll() {
        return new Overridden(stored.reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, Policy> prefixScan(P prefix, PS prefixKeySerializer) {
        return new Overridden(stored.prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        return stored.approximateNumEntries();
    }

    /** The stored entries, the office's with the override applied. */
    private final class Overridden implements KeyValueIterator<String, Policy> {
        private final KeyValueIterator<String, Policy> entries;

        Overridden(KeyValueIterator<String, Policy> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public KeyValue<String, Policy> next() {
            KeyValue<String, Policy> entry = entries.next();
            return scope.ownsPolicyKey(entry.key)
                    ? KeyValue.pair(entry.key, scope.override().applyTo(entry.value, scope.officeId())) : entry;
        }

        @Override
        public String peekNextKey() {
            return entries.peekNextKey();
        }

        @Override
        public void close() {
            entries.close();
        }
    }
}
