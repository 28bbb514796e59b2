package pl.okienko.processors.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailClockTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static long warsaw(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WARSAW).toInstant().toEpochMilli();
    }

    private static EmailClock receivedAt(long at) {
        EmailClock clock = EmailClock.fresh("m-1");
        clock.received("biuro", at, false, null, DAY, TEN_MINUTES);
        return clock;
    }

    @Test
    void shouldCountTwentyFourElapsedHoursAcrossTheSpringDaylightSavingChange() {
        // Saturday 28 March 2026 10:00 CET; clocks go forward at 02:00 on Sunday
        EmailClock clock = receivedAt(warsaw("2026-03-28T10:00"));

        assertThat(Instant.ofEpochMilli(clock.dueAt()).atZone(WARSAW).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.parse("2026-03-29T11:00"));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-28T09:00:00Z").plus(DAY).toEpochMilli());
    }

    @Test
    void shouldCountTwentyFourElapsedHoursAcrossTheAutumnDaylightSavingChange() {
        // Saturday 24 October 2026 10:00 CEST; clocks go back at 03:00 on Sunday
        EmailClock clock = receivedAt(warsaw("2026-10-24T10:00"));

        assertThat(Instant.ofEpochMilli(clock.dueAt()).atZone(WARSAW).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.parse("2026-10-25T09:00"));
    }

    @Test
    void shouldUseTheAgreedDateInsteadOfTwentyFourHours() {
        long received = warsaw("2026-11-02T09:00");
        long agreed = warsaw("2026-11-06T15:00");
        EmailClock clock = EmailClock.fresh("m-1");
        clock.received("biuro", received, false, agreed, DAY, TEN_MINUTES);

        assertThat(clock.dueAt()).isEqualTo(agreed);
        assertThat(clock.overdue(received + DAY.toMillis() + 1)).isFalse();
        assertThat(clock.overdue(agreed + 1)).isTrue();
    }

    @Test
    void shouldMeetTheRuleWithAReplyAtTheVeryDueMillisecondAndBeOverdueOneMillisecondLater() {
        long received = warsaw("2026-11-02T09:00");
        EmailClock clock = receivedAt(received);
        long due = received + DAY.toMillis();

        assertThat(clock.overdue(due)).isFalse();
        assertThat(clock.overdue(due + 1)).isTrue();
        clock.replied(due);
        assertThat(clock.counts()).isEqualTo(new EmailClock.Counts(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0));
    }

    static Stream<Arguments> holdingReplies() {
        return Stream.of(
                // within 24 hours: E1 met by the holding reply, the full answer due on the date it promised
                Arguments.of(Duration.ofHours(5), "2026-11-09T16:00", DAY.plusMillis(1), -1,
                        new EmailClock.Counts(1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0)),
                // after 24 hours: E1 breached (first response late), the full answer on time against the date it set
                Arguments.of(Duration.ofHours(30), "2026-11-10T12:00", Duration.ofHours(31), 0,
                        new EmailClock.Counts(1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0)));
    }

    @ParameterizedTest(name = "holding reply after {0}")
    @MethodSource("holdingReplies")
    void shouldMoveTheFullAnswersDueToTheDateAHoldingReplySetsAndCountItAgainstTwentyFourHours(Duration sentAfter,
            String promisedAt, Duration stillOpenAfter, long repliedMillisAfterPromise, EmailClock.Counts counts) {
        long received = warsaw("2026-11-02T09:00");
        long promised = warsaw(promisedAt);
        EmailClock clock = receivedAt(received);

        clock.holdingReply(received + sentAfter.toMillis(), promised);

        assertThat(clock.dueAt()).isEqualTo(promised);
        assertThat(clock.overdue(received + stillOpenAfter.toMillis())).isFalse();
        clock.replied(promised + repliedMillisAfterPromise);
        assertThat(clock.counts()).isEqualTo(counts);
    }

    @Test
    void shouldLetTheLastHoldingReplySentSetTheDateAndCountAPromiseBrokenWhenItCameAfterTheDateInForce() {
        long received = warsaw("2026-11-02T09:00");
        long firstPromise = warsaw("2026-11-05T12:00");
        long secondPromise = warsaw("2026-11-12T12:00");
        EmailClock clock = receivedAt(received);

        clock.holdingReply(received + Duration.ofHours(2).toMillis(), firstPromise);
        // a second holding reply sent before the first date passed: it simply moves the date
        clock.holdingReply(firstPromise - 1, secondPromise);
        assertThat(clock.dueAt()).isEqualTo(secondPromise);
        assertThat(clock.state().getPromiseBroken()).isFalse();

        // a third one after the second date had passed: the date moves, the promise was broken
        long thirdPromise = warsaw("2026-11-20T12:00");
        clock.holdingReply(secondPromise + 1, thirdPromise);
        assertThat(clock.dueAt()).isEqualTo(thirdPromise);
        clock.replied(thirdPromise - 1);
        assertThat(clock.counts()).isEqualTo(new EmailClock.Counts(1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0));
        assertThat(clock.state().getHoldingReplies()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheNewerDateWhenAnOlderHoldingReplyIsDeliveredLate() {
        long received = warsaw("2026-11-02T09:00");
        EmailClock clock = receivedAt(received);
        long newer = warsaw("2026-11-12T12:00");

        clock.holdingReply(received + Duration.ofHours(4).toMillis(), newer);
        clock.holdingReply(received + Duration.ofHours(2).toMillis(), warsaw("2026-11-04T12:00"));

        assertThat(clock.dueAt()).isEqualTo(newer);
        assertThat(clock.firstResponseTime()).isEqualTo(Duration.ofHours(2).toMillis());
    }

    @Test
    void shouldCountAReplyWhoseReceivedEventArrivesLaterOnceTheEmailIsKnown() {
        long received = warsaw("2026-11-02T09:00");
        EmailClock clock = EmailClock.fresh("m-1");
        clock.replied(received + Duration.ofHours(3).toMillis());
        assertThat(clock.counts()).isEqualTo(EmailClock.Counts.ZERO);
        assertThat(clock.open()).isFalse();

        clock.received("biuro", received, false, null, DAY, TEN_MINUTES);

        assertThat(clock.open()).isFalse();
        assertThat(clock.counts()).isEqualTo(new EmailClock.Counts(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(clock.firstResponseTime()).isEqualTo(Duration.ofHours(3).toMillis());
    }

    @Test
    void shouldCountAnEmailClosedWithoutReplyAsNoBreachEvenAfterItsDue() {
        long received = warsaw("2026-11-02T09:00");
        EmailClock clock = receivedAt(received);

        clock.closed(received + Duration.ofHours(40).toMillis(), "SPAM");

        assertThat(clock.open()).isFalse();
        assertThat(clock.counts()).isEqualTo(new EmailClock.Counts(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void shouldMeasureTheReadReceiptDelayAgainstItsTarget() {
        long received = warsaw("2026-11-02T09:00");
        EmailClock quick = EmailClock.fresh("m-1");
        quick.received("biuro", received, true, null, DAY, TEN_MINUTES);
        quick.readReceiptSent(received + TEN_MINUTES.toMillis());
        EmailClock slow = EmailClock.fresh("m-2");
        slow.received("biuro", received, true, null, DAY, TEN_MINUTES);
        assertThat(slow.readReceiptPending()).isTrue();
        slow.readReceiptSent(received + TEN_MINUTES.toMillis() + 1);

        assertThat(quick.readReceiptDelay()).isEqualTo(600_000L);
        assertThat(quick.counts().readReceiptsWithinTarget()).isEqualTo(1);
        assertThat(slow.counts().readReceiptsLate()).isEqualTo(1);
        assertThat(slow.readReceiptPending()).isFalse();
    }
}
