package pl.okienko.processors.correspondence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The e-mail view of one office (E1, E2): figures of the e-mails received on {@code date} (today
 * when live) per office, department and mailbox, and the open and overdue e-mails, overdue first.
 * Live, the lists hold every open e-mail; for a past date, those received that day.
 */
public record OfficeEmailView(
        @JsonUnwrapped DayHeading heading,
        EmailFigures office,
        List<EmailFigures> departments,
        List<EmailFigures> mailboxes,
        List<EmailItem> open,
        List<EmailItem> overdue) {
}
