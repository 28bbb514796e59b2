package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;

class StateCacheTest {

    private final KeyValueStore<String, String> store = InMemoryStores.keyValue("values", Serdes.String());
    /** Its marks are kept in a store without cache here; {@code commit()} stands for the cache's flush. */
    private final WriteBehind commitPoint = new WriteBehind(InMemoryStores.keyValue("marks", Serdes.Long()));
    private final List<String> encoded = new ArrayList<>();

    private StateCache<String, StringBuilder> cache(EventWrites writes) {
        return new StateCache<>(store, StringBuilder::new, value -> {
            encoded.add(value.toString());
            return value.toString();
        }, 100, writes);
    }

    @Test
    void shouldKeepTheEventsWritesOutOfTheStoreUntilTheCommitAndEncodeEachValueOnce() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);

        writes.around(() -> cache.put("a", new StringBuilder("1")));
        for (String more : List.of("2", "3")) {
            writes.around(() -> cache.put("a", cache.get("a").append(more)));
        }

        assertThat(store.get("a")).isNull();
        assertThat(cache.get("a")).hasToString("123");
        assertThat(encoded).isEmpty();
        commitPoint.commit();
        assertThat(store.get("a")).isEqualTo("123");
        assertThat(encoded).containsExactly("123");
        commitPoint.commit();
        assertThat(encoded).as("nothing changed since the last commit").containsExactly("123");
    }

    @Test
    void shouldDeleteAtTheCommit() {
        store.put("a", "stored");
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);

        writes.around(() -> cache.delete("a"));

        assertThat(cache.get("a")).isNull();
        assertThat(store.get("a")).isEqualTo("stored");
        commitPoint.commit();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void shouldDiscardAFailedEventsWritesAndKeepThoseOfTheEventsBeforeIt() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);
        writes.around(() -> cache.put("a", new StringBuilder("1")));

        assertThatThrownBy(() -> writes.around(() -> {
            cache.put("a", new StringBuilder("2"));
            cache.put("b", new StringBuilder("3"));
            throw new IllegalStateException("a bug in the rule");
        })).hasMessage("a bug in the rule");

        assertThat(cache.get("a")).hasToString("1");
        assertThat(cache.get("b")).isNull();
        commitPoint.commit();
        assertThat(store.get("a")).isEqualTo("1");
        assertThat(store.get("b")).isNull();
    }

    @Test
    void shouldGiveAScanTheWritesOfTheEventsDoneBeforeIt() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);
        writes.around(() -> cache.put("a", new StringBuilder("1")));

        List<String> scanned = new ArrayList<>();
        writes.around(() -> {
            cache.put("b", new StringBuilder("2"));
            try (KeyValueIterator<String, String> all = cache.store().all()) {
                all.forEachRemaining(kv -> scanned.add(kv.key + "=" + kv.value));
            }
        });

        assertThat(scanned).as("the event's own writes are not in the store yet").containsExactly("a=1");
    }

    @Test
    void shouldStoreAValueThatMayGrowTooLargeAtTheEndOfEachEventSoThatTheEventThatGrowsItFails() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = new StateCache<String, StringBuilder>(store, StringBuilder::new,
                refuseLongerThan(3), 100, writes).storedEachEvent();

        writes.around(() -> cache.put("a", new StringBuilder("123")));
        assertThat(store.get("a")).isEqualTo("123");

        assertThatThrownBy(() -> writes.around(() -> cache.put("a", cache.get("a").append("4"))))
                .hasMessageContaining("too large");
        assertThat(cache.get("a")).as("read from the store again").hasToString("123");
    }

    @Test
    void shouldWriteAtTheEndOfEachEventWhenTheProcessorHasNoCommitPoint() {
        EventWrites writes = EventWrites.deferred();
        StateCache<String, StringBuilder> cache = cache(writes);

        writes.around(() -> {
            cache.put("a", new StringBuilder("1"));
            assertThat(store.get("a")).isNull();
        });

        assertThat(store.get("a")).isEqualTo("1");
    }

    private static Function<StringBuilder, String> refuseLongerThan(int length) {
        return value -> {
            if (value.length() > length) {
                throw new IllegalArgumentException("a value of " + value.length() + " characters is too large");
            }
            return value.toString();
        };
    }
}
