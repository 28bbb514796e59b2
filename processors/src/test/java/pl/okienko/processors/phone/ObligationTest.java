package pl.okienko.processors.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.deadlines.CalendarOffices;
import pl.okienko.processors.deadlines.OfficeCalendar;
import pl.okienko.schemas.Rule;

class ObligationTest {

    private static final OfficeCalendar CALENDAR = OfficeCalendar.of(null);
    /** Friday 20 November 2026, 10:00 in Warsaw. */
    private static final Instant FRIDAY_10 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration SOON = Duration.ofMinutes(30);

    @Test
    void shouldFallDueTwoBusinessHoursAfterAMissedCall() {
        Obligation o = missedAt(FRIDAY_10);

        assertThat(Instant.ofEpochMilli(o.dueAt())).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        assertThat(o.id()).isEqualTo("T3-c1");
        assertThat(o.kind().rule()).isEqualTo(Rule.T3);
    }

    @Test
    void shouldMoveTheDueTimeToTheNextBusinessDayWhenTheOfficeClosesFirst() {
        // Friday 15:30 in Warsaw: 30 minutes left on Friday, 90 more from Monday 08:00
        Obligation o = missedAt(Instant.parse("2026-11-20T14:30:00Z"));

        assertThat(Instant.ofEpochMilli(o.dueAt())).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    }

    @Test
    void shouldFallDueAtTheAgreedTimePlusGraceWhenPromised() {
        Obligation o = Obligation.forPromise("cb-1", "c1", "L1", "h:n", FRIDAY_10.toEpochMilli(),
                Instant.parse("2026-11-20T13:00:00Z").toEpochMilli(), Duration.ofMinutes(10));

        assertThat(Instant.ofEpochMilli(o.dueAt())).isEqualTo(Instant.parse("2026-11-20T13:10:00Z"));
        assertThat(o.id()).isEqualTo("T4-cb-1");
        assertThat(o.kind().rule()).isEqualTo(Rule.T4);
    }

    @Test
    void shouldBeMetOnTimeExactlyAtTheDueTimeAndLateAfterIt() {
        Obligation onTime = missedAt(FRIDAY_10);
        Obligation late = missedAt(FRIDAY_10);

        assertThat(onTime.isPastDue(onTime.dueAt())).isFalse();
        assertThat(onTime.meet(onTime.dueAt(), Obligation.MetBy.CALLBACK_CONNECTED))
                .isEqualTo(Obligation.Status.MET_ON_TIME);
        assertThat(late.isPastDue(late.dueAt() + 1)).isTrue();
        assertThat(late.meet(late.dueAt() + 1, Obligation.MetBy.CALLER_ANSWERED)).isEqualTo(Obligation.Status.MET_LATE);
        assertThat(late.status(late.dueAt() + 5_000, SOON)).isEqualTo(Obligation.Status.MET_LATE);
    }

    @Test
    void shouldForgetTheNumberOnceMet() {
        Obligation o = missedAt(FRIDAY_10);

        o.meet(FRIDAY_10.plusSeconds(60).toEpochMilli(), Obligation.MetBy.CALLBACK_NOT_CONNECTED);

        assertThat(o.number()).isNull();
        assertThat(o.toState().getMetBy()).isEqualTo("CALLBACK_NOT_CONNECTED");
        assertThat(o.isOpen()).isFalse();
    }

    @Test
    void shouldNotBeMetByACallBeforeItOpenedNorTwice() {
        Obligation o = missedAt(FRIDAY_10);

        assertThat(o.canBeMetAt(FRIDAY_10.minusSeconds(1).toEpochMilli())).isFalse();
        o.meet(FRIDAY_10.toEpochMilli(), Obligation.MetBy.CALLER_ANSWERED);
        assertThatThrownBy(() -> o.meet(FRIDAY_10.plusSeconds(5).toEpochMilli(), Obligation.MetBy.CALLER_ANSWERED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldBeOpenThenDueSoonThenOverdue() {
        Obligation o = missedAt(FRIDAY_10);
        long due = o.dueAt();

        assertThat(o.status(due - SOON.toMillis() - 1, SOON)).isEqualTo(Obligation.Status.OPEN);
        assertThat(o.status(due - SOON.toMillis(), SOON)).isEqualTo(Obligation.Status.DUE_SOON);
        assertThat(o.status(due, SOON)).isEqualTo(Obligation.Status.DUE_SOON);
        assertThat(o.status(due + 1, SOON)).isEqualTo(Obligation.Status.OVERDUE);
        assertThat(o.markOverdue()).isTrue();
        assertThat(o.markOverdue()).isFalse();
    }

    @Test
    void shouldCountFurtherMissedCallsOnOneObligation() {
        Obligation o = missedAt(FRIDAY_10);
        long due = o.dueAt();

        o.addMissedCall();

        assertThat(o.toState().getMissedCalls()).isEqualTo(2);
        assertThat(o.dueAt()).isEqualTo(due);
    }

    @Test
    void shouldBeForgottenTheRetentionAfterItWasDueWhenMetOnTime() {
        Obligation o = missedAt(FRIDAY_10);

        o.meet(FRIDAY_10.plusSeconds(600).toEpochMilli(), Obligation.MetBy.CALLBACK_CONNECTED);

        // due at 12:00 Warsaw, two business hours after the missed call
        assertThat(Instant.ofEpochMilli(o.forgetAt(Duration.ofDays(90))))
                .isEqualTo(Instant.parse("2026-11-20T11:00:00Z").plus(Duration.ofDays(90)));
    }

    @Test
    void shouldBeForgottenTheRetentionAfterItWasMetWhenMetLate() {
        Obligation o = missedAt(FRIDAY_10);
        long metAt = o.dueAt() + 3_600_000;

        o.meet(metAt, Obligation.MetBy.CALLER_ANSWERED);

        assertThat(o.forgetAt(Duration.ofDays(30))).isEqualTo(metAt + 30 * 86_400_000L);
    }

    @Test
    void shouldNeverBeForgottenWhileOpen() {
        Obligation o = missedAt(FRIDAY_10);

        assertThatThrownBy(() -> o.forgetAt(Duration.ofDays(90))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTakeAnEarlierCallThatArrivedLateAsTheOneThatMetIt() {
        Obligation o = missedAt(FRIDAY_10);
        o.meet(o.dueAt() + 60_000, Obligation.MetBy.CALLBACK_NOT_CONNECTED);

        o.metInstead(o.dueAt() - 60_000, Obligation.MetBy.CALLBACK_CONNECTED);

        assertThat(o.metAt()).isEqualTo(o.dueAt() - 60_000);
        assertThat(o.toState().getMetBy()).isEqualTo("CALLBACK_CONNECTED");
        assertThat(o.status(o.dueAt() + 120_000, SOON)).isEqualTo(Obligation.Status.MET_ON_TIME);
    }

    @Test
    void shouldRefuseAnotherMeetingWhileOpenOrBeforeItOpened() {
        Obligation open = missedAt(FRIDAY_10);
        Obligation met = missedAt(FRIDAY_10);
        met.meet(FRIDAY_10.plusSeconds(60).toEpochMilli(), Obligation.MetBy.CALLER_ANSWERED);

        assertThatThrownBy(() -> open.metInstead(FRIDAY_10.plusSeconds(30).toEpochMilli(),
                Obligation.MetBy.CALLER_ANSWERED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> met.metInstead(FRIDAY_10.minusSeconds(1).toEpochMilli(),
                Obligation.MetBy.CALLER_ANSWERED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFallDueTwoHoursLaterAtNightOnAHolidayInAnOfficeOpenRoundTheClock() {
        OfficeCalendar roundTheClock = OfficeCalendar.of(CalendarOffices.roundTheClock("CPR"));
        // Friday 25 December 2026, 23:15 in Warsaw (22:15 UTC): due Saturday 01:15 (00:15 UTC)
        Obligation o = Obligation.forMissedCall("c1", "L1", "h:number", Instant.parse("2026-12-25T22:15:00Z").toEpochMilli(),
                roundTheClock, Duration.ofMinutes(120));

        assertThat(Instant.ofEpochMilli(o.dueAt())).isEqualTo(Instant.parse("2026-12-26T00:15:00Z"));
    }

    @Test
    void shouldSkipTheOfficesOwnDayOffWhenCountingTheTwoHours() {
        OfficeCalendar withDayOff = OfficeCalendar.of(CalendarOffices.withDaysOff("UM", "2026-11-23"));
        // Friday 15:30: 30 minutes on Friday; Monday 23 November off; 90 minutes from Tuesday 08:00
        Obligation o = Obligation.forMissedCall("c1", "L1", "h:number", Instant.parse("2026-11-20T14:30:00Z").toEpochMilli(),
                withDayOff, Duration.ofMinutes(120));

        assertThat(Instant.ofEpochMilli(o.dueAt())).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
    }

    private static Obligation missedAt(Instant at) {
        return Obligation.forMissedCall("c1", "L1", "h:number", at.toEpochMilli(), CALENDAR, Duration.ofMinutes(120));
    }
}
