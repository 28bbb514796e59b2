package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** Runs {@code work} as an event that then fails, as a bug in a rule would. */
    private static void failingEvent(EventWrites writes, Runnable work) {
        assertThatThrownBy(() -> writes.around(() -> {
            work.run();
            throw new IllegalStateException("a bug in the rule");
        })).hasMessage("a bug in the rule");
    }

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

        failingEvent(writes, () -> {
            cache.put("a", new StringBuilder("2"));
            cache.put("b", new StringBuilder("3"));
        });

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
    void shouldKeepAFailedEventsWritesOutOfTheStoreWhenItScannedTheStoreBeforeFailing() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);
        writes.around(() -> cache.put("a", new StringBuilder("1")));

        failingEvent(writes, () -> {
            cache.put("a", new StringBuilder("2"));
            cache.put("b", new StringBuilder("3"));
            cache.put("a", new StringBuilder("4"));
            cache.store();
            cache.delete("c");
        });
        commitPoint.commit();

        assertThat(store.get("a")).isEqualTo("1");
        assertThat(store.get("b")).isNull();
        assertThat(cache.get("a")).hasToString("1");
        assertThat(cache.get("b")).isNull();
        assertThat(encoded).containsExactly("1");
    }

    @Test
    void shouldWriteTheEventsLastValueAtTheCommitWhenItScannedTheStoreMidway() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);
        store.put("c", "old");

        writes.around(() -> {
            cache.put("a", new StringBuilder("1"));
            cache.store();
            cache.put("a", new StringBuilder("2"));
            cache.delete("c");
        });
        assertThat(store.get("a")).isNull();
        commitPoint.commit();

        assertThat(store.get("a")).isEqualTo("2");
        assertThat(store.get("c")).isNull();
        assertThat(encoded).containsExactly("2");
    }

    @Test
    void shouldKeepWritesWaitingForTheCommitWhenTheirValuesArePushedOutOfTheCache() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> small = new StateCache<>(store, StringBuilder::new, value -> {
            encoded.add(value.toString());
            return value.toString();
        }, 2, writes);
        store.put("d", "stored");

        writes.around(() -> {
            small.put("a", new StringBuilder("1"));
            small.put("b", new StringBuilder("2"));
            small.put("c", new StringBuilder("3"));
        });
        failingEvent(writes, () -> {
            small.put("a", new StringBuilder("4"));
            small.get("b");
            small.get("c");
            small.get("d").append("!");
        });

        assertThat(small.get("a")).as("pushed out, written by the failed event, taken back").hasToString("1");
        assertThat(small.get("d")).as("changed in place by the failed event, read again").hasToString("stored");
        commitPoint.commit();
        assertThat(List.of(store.get("a"), store.get("b"), store.get("c"), store.get("d")))
                .containsExactly("1", "2", "3", "stored");
        assertThat(encoded).containsExactlyInAnyOrder("1", "2", "3");
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

    @Test
    void shouldWriteNoDeleteOfAKeyTheStoreWasFoundWithoutSinceTheLastCommit() {
        List<String> calls = new ArrayList<>();
        KeyValueStore<String, String> recorded = recording(store, calls);
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = new StateCache<>(recorded, StringBuilder::new,
                StringBuilder::toString, 100, writes);

        writes.around(() -> {
            assertThat(cache.get("issued-and-closed")).isNull();
            cache.put("issued-and-closed", new StringBuilder("1"));
        });
        writes.around(() -> cache.delete("issued-and-closed"));
        writes.around(() -> {
            assertThat(cache.get("issued")).isNull();
            cache.put("issued", new StringBuilder("2"));
        });
        commitPoint.commit();
        writes.around(() -> cache.delete("issued"));
        commitPoint.commit();

        assertThat(calls).containsExactly("get issued-and-closed", "get issued", "put issued", "delete issued");
        assertThat(store.get("issued")).isNull();
    }

    @Test
    void shouldForgetADeletedKeyAtTheCommitAndReadItFromTheStoreWhenAskedAgain() {
        store.put("closed", "stored");
        List<String> calls = new ArrayList<>();
        KeyValueStore<String, String> recorded = recording(store, calls);
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = new StateCache<>(recorded, StringBuilder::new,
                StringBuilder::toString, 100, writes);

        writes.around(() -> cache.delete("closed"));
        writes.around(() -> assertThat(cache.get("closed")).as("deleted, before the commit").isNull());
        commitPoint.commit();
        writes.around(() -> assertThat(cache.get("closed")).as("deleted, after the commit").isNull());
        writes.around(() -> assertThat(cache.get("closed")).isNull());

        assertThat(calls).as("one read after the commit, then known missing again")
                .containsExactly("get closed", "delete closed", "get closed");
    }

    /** {@code store}, with each get, put and delete written down in {@code calls}. */
    @SuppressWarnings("unchecked")
    private static KeyValueStore<String, String> recording(KeyValueStore<String, String> store, List<String> calls) {
        return (KeyValueStore<String, String>) Proxy.newProxyInstance(StateCacheTest.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (Set.of("get", "put", "delete").contains(method.getName())) {
                        calls.add(method.getName() + " " + args[0]);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void shouldPutWhatWasWrittenBehindIntoTheStoreWhenTheProcessorCloses() {
        EventWrites writes = EventWrites.behind(commitPoint);
        StateCache<String, StringBuilder> cache = cache(writes);
        writes.around(() -> cache.put("a", new StringBuilder("1")));

        // Kafka Streams closes a suspended task's processors before its last commit flushes the caches
        writes.close();

        assertThat(store.get("a")).isEqualTo("1");
    }
}
