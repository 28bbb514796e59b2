package pl.okienko.dashboard.platform.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Runs {@link StoreQuery store queries} on this instance's copies of a store through Kafka Streams'
 * interactive queries (IQv2): the active copy of each partition where this instance has it, else a
 * standby copy, labelled with its lag. A partition this instance holds no copy of is left out of the
 * answer, so whoever asked can try another instance for it.
 */
final class LocalStoreQueries {

    private LocalStoreQueries() {
    }

    /**
     * @param instance how this instance is named in the answer's copies
     * @throws InvalidStateStoreException when the store cannot be read here now (starting, rebalancing, unknown store)
     */
    static <V> StoreAnswer<V> run(KafkaStreams streams, String instance, StoreQuery query) {
        StateQueryResult<Object> active = execute(streams, query, query.partitions(), true);
        Map<Integer, QueryResult<Object>> results = active.getPartitionResults();
        List<KeyValue<String, V>> entries = new ArrayList<>();
        List<StoreAnswer.Copy> copies = new ArrayList<>();
        Set<Integer> standby = new HashSet<>();
        results.forEach((partition, result) -> {
            if (result.isSuccess()) {
                entries.addAll(LocalStoreQueries.<V>entries(query, result.getResult()));
                copies.add(new StoreAnswer.Copy(partition, instance, true, 0));
            } else if (result.getFailureReason() == FailureReason.NOT_ACTIVE) {
                standby.add(partition);
            } else if (result.getFailureReason() != FailureReason.NOT_PRESENT) {
                throw new InvalidStateStoreException("store " + query.store() + " partition " + partition
                        + " cannot be read here now: " + result.getFailureReason() + " " + result.getFailureMessage());
            }
        });
        if (!standby.isEmpty()) {
            Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().getOrDefault(query.store(), Map.of());
            execute(streams, query, standby, false).getPartitionResults().forEach((partition, result) -> {
                if (result.isSuccess()) {
                    entries.addAll(LocalStoreQueries.<V>entries(query, result.getResult()));
                    LagInfo lag = lags.get(partition);
                    copies.add(new StoreAnswer.Copy(partition, instance, false, lag == null ? -1 : lag.offsetLag()));
                }
            });
        }
        return StoreAnswer.merge(List.of(new StoreAnswer<>(entries, copies)));
    }

    @SuppressWarnings("unchecked")
    private static StateQueryResult<Object> execute(KafkaStreams streams, StoreQuery query, Set<Integer> partitions,
            boolean requireActive) {
        StateQueryRequest<Object> request = StateQueryRequest.inStore(query.store()).withQuery((Query<Object>) iq(query));
        request = partitions.isEmpty() ? request.withAllPartitions() : request.withPartitions(partitions);
        if (requireActive) {
            request = request.requireActive();
        }
        try {
            return streams.query(request);
        } catch (InvalidStateStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not running yet, or shutting down: the caller answers "not ready, try again".
            throw new InvalidStateStoreException("store " + query.store() + " cannot be queried now: " + e.getMessage(), e);
        }
    }

    private static Query<?> iq(StoreQuery query) {
        if (query.isKey()) {
            return KeyQuery.<String, Object>withKey(query.key());
        }
        if (query.from() == null && query.to() == null) {
            return RangeQuery.<String, Object>withNoBounds();
        }
        if (query.from() == null) {
            return RangeQuery.<String, Object>withUpperBound(query.to());
        }
        if (query.to() == null) {
            return RangeQuery.<String, Object>withLowerBound(query.from());
        }
        return RangeQuery.<String, Object>withRange(query.from(), query.to());
    }

    @SuppressWarnings("unchecked")
    private static <V> List<KeyValue<String, V>> entries(StoreQuery query, Object result) {
        if (query.isKey()) {
            return result == null ? List.of() : List.of(KeyValue.pair(query.key(), (V) result));
        }
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> it = (KeyValueIterator<String, V>) result) {
            it.forEachRemaining(entries::add);
        }
        return entries;
    }
}
