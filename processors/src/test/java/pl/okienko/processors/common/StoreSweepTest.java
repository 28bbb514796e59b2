package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreSweepTest {

    @Test
    void shouldVisitEveryEntryOnceAChunkAtATimeWhileTheVisitorDeletes() {
        KeyValueStore<String, String> store = store();
        for (String key : List.of("O1|a", "O1|a|b", "O1|b", "O2|a", "O2|c")) {
            store.put(key, "v-" + key);
        }
        StoreSweep<String> sweep = new StoreSweep<>(store, 2);
        List<List<String>> chunks = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            List<String> chunk = new ArrayList<>();
            sweep.next((key, value) -> {
                chunk.add(key);
                if (key.startsWith("O1")) {
                    store.delete(key);
                }
            });
            chunks.add(chunk);
        }

        assertThat(chunks).containsExactly(List.of("O1|a", "O1|a|b"), List.of("O1|b", "O2|a"), List.of("O2|c"),
                List.of());
        assertThat(sweep.done()).isTrue();
        assertThat(store.get("O2|a")).isEqualTo("v-O2|a");
        assertThat(store.get("O1|a")).isNull();
    }

    @Test
    void shouldBeDoneAtOnceOnAnEmptyStoreAndRefuseAnEmptyChunk() {
        StoreSweep<String> sweep = new StoreSweep<>(store(), 10);

        sweep.next((key, value) -> {
            throw new AssertionError("nothing to visit");
        });

        assertThat(sweep.done()).isTrue();
        assertThatThrownBy(() -> new StoreSweep<>(store(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartAgainAfterTheLastEntryWhenRoundRobin() {
        KeyValueStore<String, String> store = store();
        for (String key : List.of("a", "b", "c")) {
            store.put(key, key);
        }
        StoreSweep<String> sweep = StoreSweep.roundRobin(store, 2);
        List<List<String>> chunks = new ArrayList<>();

        for (int entries : new int[] {2, 2, 2, 5}) {
            List<String> chunk = new ArrayList<>();
            sweep.next(entries, (key, value) -> chunk.add(key));
            chunks.add(chunk);
        }

        assertThat(chunks).containsExactly(List.of("a", "b"), List.of("c"), List.of("a", "b"), List.of("c"));
        assertThat(sweep.done()).isFalse();
    }

    private static KeyValueStore<String, String> store() {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sweep"),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
