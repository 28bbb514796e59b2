package pl.okienko.processors.phone;

import java.time.Instant;

/**
 * One callback obligation as served (T3, T4). It never holds the caller's number, not even its
 * pseudonym: the call id is what the phone system knows it by.
 *
 * @param rule T3 (missed call) or T4 (promised callback)
 * @param status OPEN, DUE_SOON, OVERDUE, MET_ON_TIME or MET_LATE
 * @param missedCalls missed calls from the number this obligation stands for (T3)
 * @param metBy CALLBACK_CONNECTED, CALLBACK_NOT_CONNECTED or CALLER_ANSWERED; null while open
 * @param dueInSeconds time left until due while open and not past due, else null
 * @param overdueSeconds how long past due: until now while open, until met when met late; else null
 */
public record CallbackView(
        String obligationId,
        String kind,
        String rule,
        String lineId,
        String lineName,
        String callId,
        Instant openedAt,
        Instant dueAt,
        String status,
        int missedCalls,
        Instant metAt,
        String metBy,
        Long dueInSeconds,
        Long overdueSeconds) {
}
