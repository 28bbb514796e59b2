package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The e-mail view of one office (E1, E2): figures of the e-mails received on {@code date} (today
 * when live) per office, department and mailbox, and the open and overdue e-mails, overdue first.
 * Live, the lists hold every open e-mail; for a past date, those received that day.
 */
public record OfficeEmailView(
        String officeId,
        String officeName,
        String timeZone,
        Instant asOf,
        LocalDate date,
        boolean live,
        EmailFigures office,
        List<EmailFigures> departments,
        List<EmailFigures> mailboxes,
        List<EmailItem> open,
        List<EmailItem> overdue) {
}
