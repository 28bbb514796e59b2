package pl.okienko.processors.phone;

/**
 * Telephone figures of one line, department, office or hour of day, for one day (T1, T2, I2).
 *
 * @param id lineId, departmentId, officeId, or the hour of day ({@code 09} = 09:00–09:59)
 * @param name display name from the directory (the id when unknown)
 * @param offered inbound calls offered
 * @param answeredWithinTarget answered by the ring limit (or within the answer delay when rings are not reported)
 * @param answeredLater answered after that
 * @param unanswered abandoned + noAnswer + busy
 * @param serviceLevel answeredWithinTarget ÷ offered (T1); null when nothing was offered
 * @param missedRate unanswered ÷ offered (T2); null when nothing was offered
 * @param averageSpeedOfAnswerSeconds mean offer → answer of answered calls; null when none
 * @param longestAnswerSeconds longest offer → answer; null when none
 * @param meanTalkSeconds mean answer → end of answered calls whose end is known; null when none
 * @param endedForAbuse calls the clerk ended after a warning (I2)
 * @param outboundAttempts calls made by the office (callback attempts, T3/T4)
 * @param outboundConnected of those, the callee picked up
 */
public record PhoneStats(
        String id,
        String name,
        String departmentId,
        long offered,
        long answeredWithinTarget,
        long answeredLater,
        long unanswered,
        long abandoned,
        long noAnswer,
        long busy,
        Double serviceLevel,
        Double missedRate,
        Double averageSpeedOfAnswerSeconds,
        Double longestAnswerSeconds,
        Double meanTalkSeconds,
        long endedForAbuse,
        long outboundAttempts,
        long outboundConnected) {
}
