package pl.okienko.processors.phone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The telephone view of one office (T1–T4, I2), live (today so far, {@code ringingNow} and
 * {@code longestRingSeconds} at {@code asOf}) or for one past office-local day (both ringing
 * figures 0).
 *
 * @param ringLimit the office's T1 ring limit in force now
 * @param answerSeconds the office's T1 answer delay in force now (used when rings are not reported)
 * @param hours by hour of day of the offer, only hours with calls
 */
public record OfficePhoneView(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate date,
        int ringingNow,
        long longestRingSeconds,
        int ringLimit,
        long answerSeconds,
        PhoneStats office,
        List<PhoneStats> departments,
        List<PhoneStats> lines,
        List<PhoneStats> hours,
        CallbackSummary callbacks) {
}
