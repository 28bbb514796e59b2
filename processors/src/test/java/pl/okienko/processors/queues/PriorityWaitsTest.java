package pl.okienko.processors.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;
import pl.okienko.processors.common.EventWrites;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.deadlines.DeadlineIndex;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.schemas.serde.AvroSerde;

class PriorityWaitsTest {

    private static final Duration TARGET = Duration.ofMinutes(5);

    private final DeadlineTimers timers = new DeadlineTimers();
    private final PriorityWaits waits = new PriorityWaits(InMemoryStores.keyValue("waits", AvroSerde.of(PriorityWaitState.class)),
            EventWrites.immediate(), timers, (officeId, queueId) -> TARGET);

    @Test
    void shouldBeDueOneMillisecondAfterTheTargetWait() {
        waits.put(Keys.of("O1", "A001"), wait("A001", 60_000));

        // 60 000 ms since + 300 000 ms target + 1 ms
        assertThat(timers.due(Long.MAX_VALUE)).containsExactly(new DeadlineIndex.Due(360_001, "O1", "P1|A001"));
    }

    @Test
    void shouldNotBeDueOnceWarnedOrDeclinedOrGone() {
        PriorityWaitState warned = wait("A001", 0);
        warned.setAlertId("a");
        waits.put(Keys.of("O1", "A001"), wait("A001", 0));
        waits.put(Keys.of("O1", "A001"), warned);
        PriorityWaitState declined = wait("A002", 0);
        declined.setDeclined(true);
        waits.put(Keys.of("O1", "A002"), declined);
        waits.put(Keys.of("O1", "A003"), wait("A003", 0));
        waits.delete(Keys.of("O1", "A003"));

        assertThat(timers.due(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldListOnlyTheOfficesOwnWaits() {
        waits.put(Keys.of("O1", "A001"), wait("A001", 0));
        waits.put(Keys.of("O2", "A001"), wait("A001", 0));

        assertThat(waits.ofOffice("O1")).extracting(kv -> kv.key).containsExactly(Keys.of("O1", "A001"));
    }

    private static PriorityWaitState wait(String ticketId, long since) {
        return PriorityWaitState.newBuilder().setTicketId(ticketId).setQueueId("A").setCategory("ELDERLY")
                .setSince(since).setDeclined(false).build();
    }
}
