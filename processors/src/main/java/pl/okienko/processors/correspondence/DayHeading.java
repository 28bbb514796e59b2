package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the e-mail (E1, E2) and complaints (C1, E3) views of an office are of: the office, its time zone, the day
 * shown ({@code date}, the first day of a period; today when {@code live}) and the instant they stand at. Written
 * flat into each view's JSON.
 */
public record DayHeading(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate date,
        boolean live) {
}
