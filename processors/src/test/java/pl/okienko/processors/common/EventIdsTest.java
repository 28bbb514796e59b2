package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.processors.common.state.EventIdBatch;
import pl.okienko.processors.common.state.SeenEventId;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;

class EventIdsTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

    private final KeyValueStore<String, Long> seen = store("seen", Serdes.Long());
    private final KeyValueStore<Long, EventIdBatch> log = logStore();
    private final WriteBehind commitPoint = new WriteBehind(store("marks", Serdes.Long()));
    private final EventIds ids = new EventIds(seen, log, RETENTION, EventWrites.behind(commitPoint), T0);

    @Test
    void shouldDropARedeliveryWithinTheRetention() {
        assertThat(ids.firstDelivery("UM-1", event("e-1"), T0)).isTrue();
        assertThat(ids.firstDelivery("UM-1", event("e-1"), T0 + RETENTION.toMillis() - 1)).isFalse();
        assertThat(ids.firstDelivery("UM-2", event("e-1"), T0 + 1)).as("another office's event").isTrue();
    }

    @Test
    void shouldForgetAnIdOnceItsRetentionHasPassedAndCountItAgainAfterwards() {
        ids.firstDelivery("UM-1", event("e-1"), T0);

        ids.forgetExpired(T0 + RETENTION.toMillis() - 1);
        assertThat(idsIndexed()).isEqualTo(1);
        ids.forgetExpired(T0 + RETENTION.toMillis());

        assertThat(idsIndexed()).isZero();
        assertThat(ids.firstDelivery("UM-1", event("e-1"), T0 + RETENTION.toMillis())).isTrue();
    }

    @Test
    void shouldKeepAnIdSeenAgainAfterItsRetentionUntilTheNewRetentionPasses() {
        ids.firstDelivery("UM-1", event("e-1"), T0);
        // Seen again after the retention, before the sweep: a first delivery again, remembered anew.
        long again = T0 + RETENTION.toMillis() + 5;
        assertThat(ids.firstDelivery("UM-1", event("e-1"), again)).isTrue();

        ids.forgetExpired(again);
        assertThat(ids.firstDelivery("UM-1", event("e-1"), again + 1)).isFalse();
        ids.forgetExpired(again + RETENTION.toMillis());
        assertThat(idsIndexed()).isZero();
    }

    @Test
    void shouldWalkTheStoreTwiceAsFastAsItGrowsAndRestUntilTheEarliestIdCanExpire() {
        for (int i = 0; i < 3_000; i++) {
            ids.firstDelivery("UM-1", event(String.format("a-%05d", i)), T0);
        }
        // a whole pass (2 × 3,000 visits allowed): nothing has expired, and the earliest id was seen at T0
        ids.forgetExpired(T0 + 1);
        assertThat(idsIndexed()).isEqualTo(3_000);

        long later = T0 + RETENTION.toMillis();
        for (int i = 0; i < 800; i++) {
            ids.firstDelivery("UM-1", event(String.format("b-%05d", i)), later);
        }
        // 2 × 800 visited: a-00000 to a-01599, all expired
        ids.forgetExpired(later);
        assertThat(idsIndexed()).isEqualTo(3_000 - 1_600 + 800);
        // then the least, 1,000 a sweep: a-01600 to a-02599, then the last 400 a-ids and the first 600 b-ids
        ids.forgetExpired(later);
        assertThat(idsIndexed()).isEqualTo(1_200);
        ids.forgetExpired(later);
        assertThat(idsIndexed()).isEqualTo(800);
        // the pass ends at b-00799: the earliest id kept was seen at `later`, so the walk rests a retention
        ids.forgetExpired(later);
        seen.put("UM-1|kiosk|put-by-hand", T0);
        ids.forgetExpired(later + RETENTION.toMillis() - 1);
        assertThat(seen.get("UM-1|kiosk|put-by-hand")).as("not visited while the walk rests").isEqualTo(T0);
        ids.forgetExpired(later + RETENTION.toMillis());
        assertThat(idsIndexed()).isZero();
    }

    @Test
    void shouldWriteTheIdsFirstSeenBetweenTwoCommitsAsOneRecordOfTheLog() {
        for (int i = 0; i < 5; i++) {
            ids.firstDelivery("UM-1", event("e-" + i), T0 + i);
        }
        ids.firstDelivery("UM-1", event("e-0"), T0 + 10);
        assertThat(count(log)).as("nothing before the commit").isZero();

        commitPoint.commit();

        assertThat(count(log)).isEqualTo(1);
        EventIdBatch batch = log.get(1L);
        assertThat(batch.getIds()).extracting(SeenEventId::getKey)
                .containsExactly("UM-1|kiosk|e-0", "UM-1|kiosk|e-1", "UM-1|kiosk|e-2", "UM-1|kiosk|e-3", "UM-1|kiosk|e-4");
        assertThat(batch.getNewest()).isEqualTo(T0 + 4);
        commitPoint.commit();
        assertThat(count(log)).as("no ids since: no record").isEqualTo(1);
    }

    @Test
    void shouldWriteABatchBeforeTheCommitOnceItHoldsItsMostIds() {
        for (int i = 0; i < EventIds.BATCH_IDS + 1; i++) {
            ids.firstDelivery("UM-1", event("e-" + i), T0);
        }
        assertThat(log.get(1L).getIds()).hasSize(EventIds.BATCH_IDS);
        commitPoint.commit();
        assertThat(log.get(2L).getIds()).hasSize(1);
    }

    @Test
    void shouldWriteABatchBeforeTheCommitOnceItsKeysHoldTheirMostCharacters() {
        String longId = "x".repeat(20_000);
        int keyLength = ("UM-1|kiosk|" + longId + "-0").length();
        int idsToFill = (EventIds.BATCH_KEY_CHARS + keyLength - 1) / keyLength;
        for (int i = 0; i < idsToFill; i++) {
            ids.firstDelivery("UM-1", event(longId + "-" + i), T0);
        }
        assertThat(idsToFill).as("one-digit suffixes: every key of the same length").isLessThan(10);
        assertThat(log.get(1L).getIds()).hasSize(idsToFill);
    }

    @Test
    void shouldFillAnEmptyIndexFromTheLogSoThatARedeliveryAfterARestoreCountsOnce() {
        ids.firstDelivery("UM-1", event("e-1"), T0);
        commitPoint.commit();
        ids.firstDelivery("UM-1", event("e-2"), T0 + 1);
        commitPoint.commit();

        // the task's local state wiped and the log restored from its changelog
        KeyValueStore<String, Long> restored = store("seen-again", Serdes.Long());
        WriteBehind again = new WriteBehind(store("marks-again", Serdes.Long()));
        EventIds afterRestore = new EventIds(restored, log, RETENTION, EventWrites.behind(again), T0 + 2);

        assertThat(afterRestore.firstDelivery("UM-1", event("e-1"), T0 + 3)).isFalse();
        assertThat(afterRestore.firstDelivery("UM-1", event("e-2"), T0 + 3)).isFalse();
        assertThat(afterRestore.firstDelivery("UM-1", event("e-3"), T0 + 3)).isTrue();
        again.commit();
        assertThat(log.get(3L).getIds()).as("numbered after the batches restored")
                .extracting(SeenEventId::getKey).containsExactly("UM-1|kiosk|e-3");
    }

    @Test
    void shouldAddToTheIndexOnlyTheBatchesWrittenElsewhereSinceItsLast() {
        ids.firstDelivery("UM-1", event("e-1"), T0);
        commitPoint.commit();
        // another instance ran the task meanwhile, from the same log: its batch 2 came back with the changelog
        log.put(2L, new EventIdBatch(List.of(new SeenEventId("UM-1|kiosk|e-2", T0 + 5)), T0 + 5));
        seen.delete("UM-1|kiosk|e-1");

        EventIds back = new EventIds(seen, log, RETENTION, EventWrites.behind(commitPoint), T0 + 6);

        assertThat(back.firstDelivery("UM-1", event("e-2"), T0 + 7)).isFalse();
        assertThat(back.firstDelivery("UM-1", event("e-1"), T0 + 7)).as("batch 1 was not read again").isTrue();
    }

    @Test
    void shouldLeaveOutOfTheIndexTheIdsOfTheLogAlreadyPastTheirRetention() {
        log.put(1L, new EventIdBatch(List.of(new SeenEventId("UM-1|kiosk|old", T0),
                new SeenEventId("UM-1|kiosk|new", T0 + RETENTION.toMillis())), T0 + RETENTION.toMillis()));
        KeyValueStore<String, Long> index = store("seen-again", Serdes.Long());

        new EventIds(index, log, RETENTION, EventWrites.behind(commitPoint), T0 + RETENTION.toMillis());

        assertThat(index.get("UM-1|kiosk|old")).isNull();
        assertThat(index.get("UM-1|kiosk|new")).isEqualTo(T0 + RETENTION.toMillis());
        assertThat(index.get(EventIds.APPLIED)).isEqualTo(1L);
    }

    @Test
    void shouldDeleteTheLogsBatchesOnceTheirNewestIdIsPastItsRetentionButTheLast() {
        ids.firstDelivery("UM-1", event("e-1"), T0);
        commitPoint.commit();
        ids.firstDelivery("UM-1", event("e-2"), T0 + 10);
        commitPoint.commit();
        ids.firstDelivery("UM-1", event("e-3"), T0 + 20);
        commitPoint.commit();

        ids.forgetExpired(T0 + 10 + RETENTION.toMillis() - 1);
        assertThat(log.get(1L)).isNull();
        assertThat(log.get(2L)).isNotNull();
        ids.forgetExpired(T0 + 20 + RETENTION.toMillis() + 1_000);
        assertThat(log.get(2L)).isNull();
        assertThat(log.get(3L)).as("the last batch keeps the numbering").isNotNull();
    }

    private long idsIndexed() {
        return count(seen) - (seen.get(EventIds.APPLIED) == null ? 0 : 1);
    }

    private static long count(KeyValueStore<?, ?> store) {
        return store.approximateNumEntries();
    }

    private static KeyValueStore<Long, EventIdBatch> logStore() {
        return store("log", Serdes.Long(), AvroSerde.of(EventIdBatch.class));
    }

    private static QueueEvent event(String eventId) {
        return QueueEvent.newBuilder()
                .setEventId(eventId)
                .setOfficeId("ignored")
                .setOccurredAt(Instant.ofEpochMilli(T0))
                .setSource("kiosk")
                .setPayload(TicketIssued.newBuilder().setTicketId("A1").setQueueId("Q").setPriorityCategory(PriorityCategory.NONE).build())
                .build();
    }

    private static <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        return store(name, Serdes.String(), values);
    }

    private static <K, V> KeyValueStore<K, V> store(String name, org.apache.kafka.common.serialization.Serde<K> keys,
            org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
