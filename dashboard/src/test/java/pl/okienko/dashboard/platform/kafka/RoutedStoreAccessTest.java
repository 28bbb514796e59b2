package pl.okienko.dashboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.alerts.AlertState;
import pl.okienko.alerts.AlertType;

/**
 * Where the views' store reads go: an office's keys to the instance holding its partition, all keys to
 * every instance for its partitions, a standby copy when the active one does not answer, and a refusal
 * (not a partial answer) when no copy does.
 */
class RoutedStoreAccessTest {

    private static final String STORE = "alerts-latest";
    private static final String APP = "okienko-alerts";
    private static final HostInfo HERE = new HostInfo("here", 8080);
    private static final HostInfo THERE = new HostInfo("there", 8080);

    private final KafkaStreams streams = mock(KafkaStreams.class);
    private final PeerStoreQueries peers = mock(PeerStoreQueries.class);
    private final QueryTrace trace = new QueryTrace();
    /** This instance's active and standby copies: partition → its keys and values. */
    private final Map<Integer, Map<String, Alert>> active = new TreeMap<>();
    private final Map<Integer, Map<String, Alert>> standby = new TreeMap<>();
    private final RoutedStoreAccess access = new RoutedStoreAccess(APP, () -> streams, HERE, Set.of("directory-offices"),
            peers, trace);

    @BeforeEach
    void localCopies() {
        when(streams.store(any())).thenAnswer(call -> storeHere(call.getArgument(0)));
        LagInfo lag = mock(LagInfo.class);
        when(lag.offsetLag()).thenReturn(7L);
        when(streams.allLocalStorePartitionLags()).thenReturn(Map.of(STORE, Map.of(1, lag)));
        trace.open();
    }

    @Test
    void shouldReadAnOfficesKeyFromTheInstanceHoldingItsPartition() {
        when(streams.queryMetadataForKey(eq(STORE), eq("UM-A"), any(Serializer.class))).thenReturn(new KeyQueryMetadata(THERE, Set.of(), 1));
        Alert alert = alert("UM-A", "a1");
        when(peers.ask(THERE, APP, StoreQuery.key(STORE, "UM-A|a1", Set.of(1))))
                .thenReturn(new StoreAnswer<>(List.of(KeyValue.pair("UM-A|a1", alert)), List.of(copy(1, THERE, true, 0))));

        Alert found = store().get("UM-A|a1");

        assertThat(found).isEqualTo(alert);
        assertThat(trace.reads()).extracting(read -> read.copy().instance()).containsExactly("there:8080");
    }

    @Test
    void shouldAnswerFromTheLocalStandbyWhenTheActiveInstanceDoesNotAnswer() {
        when(streams.queryMetadataForKey(eq(STORE), eq("UM-A"), any(Serializer.class))).thenReturn(new KeyQueryMetadata(THERE, Set.of(HERE), 1));
        when(peers.ask(eq(THERE), eq(APP), any())).thenThrow(new PeerStoreQueries.PeerUnavailableException("down", null));
        standby.put(1, Map.of("UM-A|a1", alert("UM-A", "a1"), "UM-A|a2", alert("UM-A", "a2"), "UM-B|b1", alert("UM-B", "b1")));

        List<String> keys = keys(store().prefixScan("UM-A|", null));

        assertThat(keys).containsExactly("UM-A|a1", "UM-A|a2");
        assertThat(trace.reads()).extracting(QueryTrace.Read::copy).containsExactly(copy(1, HERE, false, 7));
    }

    @Test
    void shouldAskEveryInstanceForItsOwnPartitionsWhenReadingAllKeys() {
        List<StreamsMetadata> instances = List.of(
                metadata(HERE, Set.of(0, 2), Set.of(1)), metadata(THERE, Set.of(1), Set.of(0, 2)));
        when(streams.streamsMetadataForStore(STORE)).thenReturn(instances);
        active.put(0, Map.of("UM-C|c1", alert("UM-C", "c1")));
        active.put(2, Map.of("UM-A|a1", alert("UM-A", "a1")));
        when(peers.ask(THERE, APP, StoreQuery.range(STORE, null, null, Set.of(1)))).thenReturn(new StoreAnswer<>(
                List.of(KeyValue.pair("UM-B|b1", alert("UM-B", "b1"))), List.of(copy(1, THERE, true, 0))));

        List<String> keys = keys(store().all());

        assertThat(keys).containsExactly("UM-A|a1", "UM-B|b1", "UM-C|c1");
        assertThat(trace.reads()).extracting(read -> read.copy().partition()).containsExactlyInAnyOrder(0, 1, 2);
        verify(peers, never()).ask(eq(HERE), any(), any());
    }

    @Test
    void shouldRefuseRatherThanAnswerPartlyWhenNoCopyOfAPartitionAnswers() {
        List<StreamsMetadata> instances = List.of(metadata(HERE, Set.of(0), Set.of()), metadata(THERE, Set.of(1), Set.of()));
        when(streams.streamsMetadataForStore(STORE)).thenReturn(instances);
        active.put(0, Map.of("UM-C|c1", alert("UM-C", "c1")));
        when(peers.ask(eq(THERE), eq(APP), any())).thenThrow(new PeerStoreQueries.PeerUnavailableException("down", null));

        assertThatThrownBy(() -> store().all()).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("partition 1").hasMessageContaining("there");
    }

    @Test
    void shouldRefuseWhileNoInstanceHoldsTheOfficesPartition() {
        when(streams.queryMetadataForKey(eq(STORE), eq("UM-A"), any(Serializer.class))).thenReturn(KeyQueryMetadata.NOT_AVAILABLE);

        assertThatThrownBy(() -> store().get("UM-A|a1")).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("UM-A");
    }

    @Test
    void shouldNameTheOfficeOfAKeyOrPrefixAndNoneOfAKeyWithoutOne() {
        assertThat(RoutedStoreAccess.officeOf("UM-A|Q1|2026-11-20")).isEqualTo("UM-A");
        assertThat(RoutedStoreAccess.officeOf("UM-A|")).isEqualTo("UM-A");
        assertThat(RoutedStoreAccess.officeOf("UM-A")).isNull();
        assertThat(RoutedStoreAccess.officeOf("|x")).isNull();
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        return access.keyValueStore(STORE);
    }

    /** This instance's copy of a partition: the active one, or with stale stores enabled a standby. */
    private ReadOnlyKeyValueStore<String, Alert> storeHere(StoreQueryParameters<?> parameters) {
        Integer partition = parameters.partition();
        Map<String, Alert> copy = active.containsKey(partition) ? active.get(partition)
                : parameters.staleStoresEnabled() ? standby.get(partition) : null;
        if (copy == null) {
            throw new InvalidStateStoreException("partition " + partition + " not here");
        }
        return new InMemoryStore(new TreeMap<>(copy));
    }

    /** A partition's copy as the interactive queries give it. */
    private record InMemoryStore(TreeMap<String, Alert> entries) implements ReadOnlyKeyValueStore<String, Alert> {

        @Override
        public Alert get(String key) {
            return entries.get(key);
        }

        @Override
        public KeyValueIterator<String, Alert> range(String from, String to) {
            return iterator(entries.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, Alert> all() {
            return iterator(entries);
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }
    }

    private static StreamsMetadata metadata(HostInfo host, Set<Integer> actives, Set<Integer> standbys) {
        StreamsMetadata metadata = mock(StreamsMetadata.class);
        when(metadata.hostInfo()).thenReturn(host);
        when(metadata.topicPartitions()).thenReturn(partitions(actives));
        when(metadata.standbyTopicPartitions()).thenReturn(partitions(standbys));
        return metadata;
    }

    private static Set<TopicPartition> partitions(Set<Integer> numbers) {
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        numbers.forEach(p -> partitions.add(new TopicPartition("okienko.alerts", p)));
        return partitions;
    }

    private static StoreAnswer.Copy copy(int partition, HostInfo host, boolean isActive, long lag) {
        return new StoreAnswer.Copy(partition, RoutedStoreAccess.name(host), isActive, lag);
    }

    private static List<String> keys(KeyValueIterator<String, Alert> it) {
        List<String> keys = new ArrayList<>();
        it.forEachRemaining(kv -> keys.add(kv.key));
        return keys;
    }

    private static KeyValueIterator<String, Alert> iterator(Map<String, Alert> entries) {
        java.util.Iterator<Map.Entry<String, Alert>> it = entries.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, Alert> next() {
                Map.Entry<String, Alert> entry = it.next();
                return KeyValue.pair(entry.getKey(), entry.getValue());
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }

    private static Alert alert(String officeId, String alertId) {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        return Alert.newBuilder().setAlertId(alertId).setOfficeId(officeId).setType(AlertType.INCIDENT).setRule("I1")
                .setState(AlertState.RAISED).setSubjectType("incident").setSubjectId(alertId).setRaisedAt(at).setAt(at)
                .setMessage("m").setDetails(Map.of()).build();
    }
}
