package pl.okienko.dashboard.platform.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;

/**
 * The stores of one Kafka Streams application as the views read them, whichever instance holds them.
 *
 * <p>Every record is keyed by its office, and every store key starts with the office
 * ({@code officeId|...}): a read of one office's keys goes to the instance that holds that office's
 * partition, found from the stream metadata ({@code application.server}), and a read of every key asks
 * each instance for the partitions it holds. This instance's partitions are read through interactive queries
 * ({@link LocalStoreQueries}); another's over HTTP ({@link PeerStoreQueries}). When the active copy's
 * instance does not answer (it died, the group is rebalancing), a standby copy answers instead, and the
 * answer says so ({@link StoreAnswer.Copy}). Global stores (the directory) are whole on every instance
 * and read here.
 *
 * <p>Without {@code application.server} there is one instance, and every partition is read here.
 */
public final class RoutedStoreAccess implements StoreAccess {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedStoreAccess.class);
    private static final Serializer<String> KEYS = Serdes.String().serializer();
    /** Above every character of our keys: the end of a prefix range. */
    private static final char HIGHEST = Character.MAX_VALUE;

    private final String applicationId;
    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final Set<String> globalStores;
    private final PeerStoreQueries peers;
    private final QueryTrace trace;

    /**
     * @param self this instance's {@code application.server}, or null when it runs alone
     * @param globalStores the application's global stores, read here
     */
    public RoutedStoreAccess(String applicationId, Supplier<KafkaStreams> streams, HostInfo self,
            Set<String> globalStores, PeerStoreQueries peers, QueryTrace trace) {
        this.applicationId = applicationId;
        this.streams = streams;
        this.self = self;
        this.globalStores = Set.copyOf(globalStores);
        this.peers = peers;
        this.trace = trace;
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        if (globalStores.contains(name)) {
            return streams.get().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        }
        @SuppressWarnings("unchecked")
        ReadOnlyKeyValueStore<K, V> store = (ReadOnlyKeyValueStore<K, V>) new RoutedStore<V>(name);
        return store;
    }

    /**
     * Runs a query here, on the partitions this instance holds. Alone, every partition is here: the
     * interactive query itself refuses while a stream thread is not running (starting, restoring, rebalancing).
     */
    <V> StoreAnswer<V> runHere(StoreQuery query) {
        return LocalStoreQueries.run(streams.get(), name(self), query);
    }

    /** How an instance is named in answers: its {@code host:port}, or {@code local} when it runs alone. */
    static String name(HostInfo instance) {
        return instance == null ? "local" : instance.host() + ":" + instance.port();
    }

    /** Reads {@code query} on its partitions wherever they are; the copies that answered go to the trace. */
    private <V> StoreAnswer<V> ask(StoreQuery query, String officeId) {
        StoreAnswer<V> answer = self == null ? runHere(query) : askOwners(query, candidates(query.store(), officeId));
        trace.record(applicationId, query.store(), answer.copies());
        return answer;
    }

    /** For each partition, the instances holding a copy: the active one first, then the standbys. */
    private Map<Integer, Deque<HostInfo>> candidates(String store, String officeId) {
        KafkaStreams current = streams.get();
        Map<Integer, Deque<HostInfo>> candidates = new TreeMap<>();
        if (officeId != null) {
            KeyQueryMetadata metadata = current.queryMetadataForKey(store, officeId, KEYS);
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                    || HostInfo.unavailable().equals(metadata.activeHost())) {
                throw new InvalidStateStoreException("no instance holds store " + store + " for office " + officeId
                        + " now (starting or rebalancing)");
            }
            Deque<HostInfo> hosts = new ArrayDeque<>();
            hosts.add(metadata.activeHost());
            hosts.addAll(metadata.standbyHosts());
            candidates.put(metadata.partition(), hosts);
            return candidates;
        }
        Collection<StreamsMetadata> instances = current.streamsMetadataForStore(store);
        if (instances.isEmpty()) {
            throw new InvalidStateStoreException("no instance holds store " + store + " now (starting or rebalancing)");
        }
        Map<Integer, HostInfo> actives = new TreeMap<>();
        Map<Integer, Set<HostInfo>> standbys = new HashMap<>();
        for (StreamsMetadata instance : instances) {
            instance.topicPartitions().forEach(tp -> actives.put(tp.partition(), instance.hostInfo()));
            instance.standbyTopicPartitions().forEach(tp -> standbys.computeIfAbsent(tp.partition(),
                    p -> new LinkedHashSet<>()).add(instance.hostInfo()));
        }
        actives.forEach((partition, active) -> {
            Deque<HostInfo> hosts = new ArrayDeque<>();
            hosts.add(active);
            standbys.getOrDefault(partition, Set.of()).stream().filter(host -> !host.equals(active)).forEach(hosts::add);
            candidates.put(partition, hosts);
        });
        return candidates;
    }

    /**
     * Asks, for each partition, its first candidate that answers: the partitions of one instance in one
     * request; a partition an instance could not answer goes to its next candidate.
     */
    private <V> StoreAnswer<V> askOwners(StoreQuery query, Map<Integer, Deque<HostInfo>> candidates) {
        List<StoreAnswer<V>> answers = new ArrayList<>();
        Map<Integer, Deque<HostInfo>> pending = new TreeMap<>(candidates);
        List<String> failures = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map<HostInfo, Set<Integer>> byHost = new LinkedHashMap<>();
            for (Map.Entry<Integer, Deque<HostInfo>> partition : pending.entrySet()) {
                HostInfo next = partition.getValue().peekFirst();
                if (next == null) {
                    throw new InvalidStateStoreException("no copy of store " + query.store() + " partition "
                            + partition.getKey() + " answers now: " + String.join("; ", failures));
                }
                byHost.computeIfAbsent(next, h -> new HashSet<>()).add(partition.getKey());
            }
            byHost.forEach((host, partitions) -> {
                Set<Integer> answered = new HashSet<>();
                try {
                    StoreAnswer<V> answer = host.equals(self) ? runHere(query.on(partitions))
                            : peers.ask(host, applicationId, query.on(partitions));
                    answer.copies().forEach(copy -> answered.add(copy.partition()));
                    answers.add(answer);
                } catch (InvalidStateStoreException | PeerStoreQueries.PeerUnavailableException e) {
                    LOG.debug("Store {} partitions {} not answered by {}: {}", query.store(), partitions, host, e.getMessage());
                    failures.add(host + ": " + e.getMessage());
                }
                for (Integer partition : partitions) {
                    if (answered.contains(partition)) {
                        pending.remove(partition);
                    } else {
                        pending.get(partition).pollFirst();
                    }
                }
            });
        }
        return StoreAnswer.merge(answers);
    }

    /** The office a key or key prefix belongs to; null when it does not name one ({@code ""}, or no separator). */
    static String officeOf(String keyOrPrefix) {
        int separator = keyOrPrefix == null ? -1 : keyOrPrefix.indexOf(Keys.SEPARATOR);
        return separator <= 0 ? null : keyOrPrefix.substring(0, separator);
    }

    /** One partitioned store, read through {@link #ask}. */
    private final class RoutedStore<V> implements ReadOnlyKeyValueStore<String, V> {

        private final String name;

        RoutedStore(String name) {
            this.name = name;
        }

        @Override
        public V get(String key) {
            List<KeyValue<String, V>> found = RoutedStoreAccess.this.<V>ask(
                    StoreQuery.key(name, key, Set.of()), officeOf(key)).entries();
            return found.isEmpty() ? null : found.get(0).value;
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            String office = officeOf(from);
            boolean oneOffice = office != null && office.equals(officeOf(to));
            return iterator(RoutedStoreAccess.this.<V>ask(StoreQuery.range(name, from, to, Set.of()),
                    oneOffice ? office : null).entries());
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return iterator(RoutedStoreAccess.this.<V>ask(StoreQuery.range(name, null, null, Set.of()), null).entries());
        }

        @Override
        public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
                P prefix, PS prefixKeySerializer) {
            String start = String.valueOf(prefix);
            List<KeyValue<String, V>> found = RoutedStoreAccess.this.<V>ask(
                    StoreQuery.range(name, start, start + HIGHEST, Set.of()), officeOf(start)).entries();
            return iterator(found.stream().filter(entry -> entry.key.startsWith(start)).toList());
        }

        @Override
        public long approximateNumEntries() {
            return RoutedStoreAccess.this.<V>ask(StoreQuery.range(name, null, null, Set.of()), null).entries().size();
        }
    }

    private static <V> KeyValueIterator<String, V> iterator(List<KeyValue<String, V>> entries) {
        return new KeyValueIterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public KeyValue<String, V> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return entries.get(next++);
            }

            @Override
            public String peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return entries.get(next).key;
            }

            @Override
            public void close() {
            }
        };
    }
}
