package pl.okienko.processors.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.InMemoryStores;

class DeadlineIndexTest {

    @Test
    void shouldTakeOnlyWhatIsDueEarliestFirstAndOnce() {
        DeadlineIndex index = newIndex();
        index.schedule(2_000, "O1", "b");
        index.schedule(1_000, "O2", "a|with|bars");
        index.schedule(10_000_000_000L, "O1", "later");
        index.schedule(3_000, "O1", "cancelled");
        index.cancel(3_000, "O1", "cancelled");

        assertThat(index.takeDue(2_000)).containsExactly(
                new DeadlineIndex.Due(1_000, "O2", "a|with|bars"), new DeadlineIndex.Due(2_000, "O1", "b"));
        assertThat(index.takeDue(5_000)).isEmpty();
        assertThat(index.takeDue(10_000_000_000L)).containsExactly(new DeadlineIndex.Due(10_000_000_000L, "O1", "later"));
    }

    @Test
    void shouldTellWhetherExactlyThisEntryIsPending() {
        DeadlineIndex index = newIndex();
        index.schedule(2_000, "O1", "a");

        assertThat(index.isScheduled(2_000, "O1", "a")).isTrue();
        assertThat(index.isScheduled(2_001, "O1", "a")).isFalse();
        assertThat(index.isScheduled(2_000, "O2", "a")).isFalse();
        index.takeDue(2_000);
        assertThat(index.isScheduled(2_000, "O1", "a")).isFalse();
    }

    @Test
    void shouldShowWhatIsDueWithoutTakingIt() {
        DeadlineIndex index = newIndex();
        index.schedule(1_000, "O1", "a");
        index.schedule(4_000, "O1", "b");

        assertThat(index.due(2_000)).containsExactly(new DeadlineIndex.Due(1_000, "O1", "a"));
        assertThat(index.due(2_000)).containsExactly(new DeadlineIndex.Due(1_000, "O1", "a"));
        assertThat(index.isScheduled(1_000, "O1", "a")).isTrue();
    }

    @Test
    void shouldMoveAnEntryOrOnlyAddOrOnlyDropItWhenOneSideIsNone() {
        DeadlineIndex index = newIndex();
        index.move(null, 3_000L, "O1", "a");
        index.move(3_000L, 5_000L, "O1", "a");
        index.move(null, 1_000L, "O1", "b");
        index.move(1_000L, null, "O1", "b");

        assertThat(index.due(Long.MAX_VALUE)).containsExactly(new DeadlineIndex.Due(5_000, "O1", "a"));
    }

    static DeadlineIndex newIndex() {
        return new DeadlineIndex(InMemoryStores.keyValue("idx", Serdes.String()));
    }
}
