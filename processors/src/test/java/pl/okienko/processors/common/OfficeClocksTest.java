package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.common.state.OfficeClockState;

class OfficeClocksTest {

    private static final long WALL = 1_800_000_000_000L;
    private static final long MINUTE = 60_000;

    @Test
    void shouldFollowTheWallClockWhileTheOfficesEventsComeAsTheyHappen() {
        OfficeClockState clock = OfficeClocks.advance(null, WALL - 5 * MINUTE, WALL);
        assertThat(clock.getLive()).isTrue();
        // an hour with no event: the rules still see the time pass
        assertThat(OfficeClocks.timeOf(clock, WALL + 60 * MINUTE)).isEqualTo(new RuleTime(WALL + 60 * MINUTE, true));
    }

    @Test
    void shouldKeepTheEventTimeOfAnEventStampedAheadOfTheWallClock() {
        OfficeClockState clock = OfficeClocks.advance(null, WALL + 2 * MINUTE, WALL);
        assertThat(OfficeClocks.timeOf(clock, WALL)).isEqualTo(new RuleTime(WALL + 2 * MINUTE, true));
    }

    @Test
    void shouldMoveAtMostTheLiveLagAheadForAnEventStampedADayAhead() {
        OfficeClockState clock = OfficeClocks.advance(null, WALL + 23 * 60 * MINUTE, WALL);

        assertThat(OfficeClocks.timeOf(clock, WALL)).isEqualTo(new RuleTime(WALL + 5 * MINUTE, true));
        // the next events, stamped by a right clock, go on from there
        clock = OfficeClocks.advance(clock, WALL + MINUTE, WALL + MINUTE);
        assertThat(OfficeClocks.timeOf(clock, WALL + 10 * MINUTE)).isEqualTo(new RuleTime(WALL + 10 * MINUTE, true));
    }

    @Test
    void shouldStandStillOnTheEventTimeInAReplay() {
        long lastYear = WALL - 365L * 24 * 60 * MINUTE;
        OfficeClockState clock = OfficeClocks.advance(null, lastYear, WALL);
        assertThat(clock.getLive()).isFalse();
        assertThat(OfficeClocks.timeOf(clock, WALL + 10 * MINUTE)).isEqualTo(new RuleTime(lastYear, false));
        // a late event does not move it back
        clock = OfficeClocks.advance(clock, lastYear - MINUTE, WALL + MINUTE);
        assertThat(OfficeClocks.timeOf(clock, WALL + 20 * MINUTE)).isEqualTo(new RuleTime(lastYear, false));
    }

    @Test
    void shouldBeInAReplayOnlyBeyondTheLiveLag() {
        assertThat(OfficeClocks.advance(null, WALL - 5 * MINUTE - 1, WALL).getLive()).isFalse();
        // a backlog caught up: live again
        OfficeClockState behind = OfficeClocks.advance(null, WALL - 30 * MINUTE, WALL);
        assertThat(OfficeClocks.advance(behind, WALL - MINUTE, WALL).getLive()).isTrue();
    }

    @Test
    void shouldTreatAnOfficeWithNoClockYetAsLive() {
        assertThat(OfficeClocks.timeOf(null, WALL)).isEqualTo(new RuleTime(WALL, true));
    }

    @Test
    void shouldStampACrossingAtItsInstantInAReplayAndWhenFoundWhenLive() {
        assertThat(new RuleTime(1_000, false).stamp(400)).isEqualTo(400);
        assertThat(new RuleTime(1_000, true).stamp(400)).isEqualTo(1_000);
    }
}
