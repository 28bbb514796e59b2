package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;

class EventIdsTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

    private final KeyValueStore<String, Long> seen = store("seen", Serdes.Long());
    private final EventIds ids = new EventIds(seen, RETENTION);

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
        assertThat(seen.approximateNumEntries()).isEqualTo(1);
        ids.forgetExpired(T0 + RETENTION.toMillis());

        assertThat(seen.approximateNumEntries()).isZero();
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
        assertThat(seen.approximateNumEntries()).isZero();
    }

    @Test
    void shouldWalkTheStoreTwiceAsFastAsItGrowsAndRestUntilTheEarliestIdCanExpire() {
        for (int i = 0; i < 3_000; i++) {
            ids.firstDelivery("UM-1", event(String.format("a-%05d", i)), T0);
        }
        // a whole pass (2 × 3,000 visits allowed): nothing has expired, and the earliest id was seen at T0
        ids.forgetExpired(T0 + 1);
        assertThat(seen.approximateNumEntries()).isEqualTo(3_000);

        long later = T0 + RETENTION.toMillis();
        for (int i = 0; i < 800; i++) {
            ids.firstDelivery("UM-1", event(String.format("b-%05d", i)), later);
        }
        // 2 × 800 visited: a-00000 to a-01599, all expired
        ids.forgetExpired(later);
        assertThat(seen.approximateNumEntries()).isEqualTo(3_000 - 1_600 + 800);
        // then the least, 1,000 a sweep: a-01600 to a-02599, then the last 400 a-ids and the first 600 b-ids
        ids.forgetExpired(later);
        assertThat(seen.approximateNumEntries()).isEqualTo(1_200);
        ids.forgetExpired(later);
        assertThat(seen.approximateNumEntries()).isEqualTo(800);
        // the pass ends at b-00799: the earliest id kept was seen at `later`, so the walk rests a retention
        ids.forgetExpired(later);
        seen.put("UM-1|kiosk|put-by-hand", T0);
        ids.forgetExpired(later + RETENTION.toMillis() - 1);
        assertThat(seen.get("UM-1|kiosk|put-by-hand")).as("not visited while the walk rests").isEqualTo(T0);
        ids.forgetExpired(later + RETENTION.toMillis());
        assertThat(seen.approximateNumEntries()).isZero();
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
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
