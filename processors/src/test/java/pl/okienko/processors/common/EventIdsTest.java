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
    void shouldWalkTheStoreRoundAndRoundFourTimesAsFastAsItGrows() {
        // 3,000 ids remembered at T0, then 500 more at T0 + retention: the first sweep after them visits
        // 4 × 3,000 = 12,000 ids at most, so it reaches every one of the first 3,000 and forgets them
        int first = 3_000;
        for (int i = 0; i < first; i++) {
            ids.firstDelivery("UM-1", event(String.format("a-%05d", i)), T0);
        }
        ids.forgetExpired(T0 + 1);
        assertThat(seen.approximateNumEntries()).as("nothing expired yet").isEqualTo(first);

        long later = T0 + RETENTION.toMillis();
        for (int i = 0; i < 500; i++) {
            ids.firstDelivery("UM-1", event(String.format("b-%05d", i)), later);
        }
        // since the last sweep 500 remembered: 4 × 500 = 2,000 visited, from where the last sweep ended (the start)
        ids.forgetExpired(later);
        assertThat(seen.approximateNumEntries()).isEqualTo(first - 2_000 + 500);
        // nothing remembered since: the least a sweep visits, 1,000, the remaining expired a-ids
        ids.forgetExpired(later);
        assertThat(seen.approximateNumEntries()).isEqualTo(500);
        assertThat(ids.firstDelivery("UM-1", event("b-00001"), later + 1)).as("a fresh id is kept").isFalse();
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
