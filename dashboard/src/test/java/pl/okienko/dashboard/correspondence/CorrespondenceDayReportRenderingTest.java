package pl.okienko.dashboard.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.DayReportPage.DAY;
import static pl.okienko.dashboard.queues.DayReportPage.NOW;
import static pl.okienko.dashboard.queues.DayReportPage.cells;
import static pl.okienko.dashboard.queues.DayReportPage.polish;
import static pl.okienko.dashboard.queues.DayReportPage.render;
import static pl.okienko.dashboard.queues.DayReportPage.section;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.correspondence.ComplaintFigures;
import pl.okienko.processors.correspondence.ComplaintItem;
import pl.okienko.processors.correspondence.DayHeading;
import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.processors.correspondence.EmailItem;
import pl.okienko.processors.correspondence.OfficeComplaintsView;
import pl.okienko.processors.correspondence.OfficeEmailView;
import pl.okienko.processors.stats.DurationStats;

/** The day report's e-mail (E1, E2) and complaints (C1, E3) parts: the day's figures and what of it is still open. */
class CorrespondenceDayReportRenderingTest {

    private static final DayHeading HEADING = new DayHeading("UM-JED", "Urząd", "Europe/Warsaw", NOW, DAY, false);

    @Test
    void shouldShowTheRepliesToTheEmailsReceivedThatDayPerMailboxAndOffice() {
        String html = render(Locale.ENGLISH, section("emailDay", email()));

        assertThat(html).contains("E-mail (E1, E2)", "The e-mails received on this day, as they stand now.",
                "Replies (E1)", "Within target (E1)");
        assertThat(cells(html, "day-email-M-SEK")).containsExactly("Sekretariat", "4", "2", "1", "1", "0", "75%", "1",
                "2", "1", "0", "1", "0");
        assertThat(cells(html, "day-email-office")).containsExactly("Whole office", "4", "2", "1", "1", "0", "75%",
                "1", "2", "1", "0", "1", "0");
    }

    @Test
    void shouldShowTheReadReceiptsAndTheEmailStillOpen() {
        String html = render(Locale.ENGLISH, section("emailDay", email()));

        assertThat(html).contains("Read receipts (E2)", "Read receipt delay (E2)");
        assertThat(cells(html, "day-receipts-office")).containsExactly("Whole office", "2", "1", "1", "0", "2",
                "7:30 min", "5:00 min", "10:00 min", "10:00 min");
        assertThat(html).contains("Still waiting for a reply", "data-testid=\"email-m-7\"", "received Wed 18 Nov 10:14",
                "overdue since 10:30");
    }

    @Test
    void shouldShowTheComplaintsAndRequestsRegisteredThatDayPerDepartmentAndOffice() {
        String html = render(Locale.ENGLISH, section("complaintsDay", complaints()));

        assertThat(html).contains("Complaints and requests (C1, E3)",
                "The complaints and requests registered on this day, as they stand now.", "On time (C1)");
        assertThat(cells(html, "day-complaints-WSO")).containsExactly("Wydział Spraw Obywatelskich", "3", "2", "1", "1",
                "0", "50%", "1", "1", "0", "2", "0", "1");
        assertThat(cells(html, "day-complaints-office")).startsWith("Whole office", "3");
        assertThat(html).contains("Still waiting for an answer", "data-testid=\"complaint-k-3\"",
                "Complaint SKW.1510.3.2026", "overdue since Fri 20 Nov 23:59 (1 day)");
        assertThat(html).doesNotContain("1 days");
    }

    @Test
    void shouldShowNoStillOpenHeadingWhenNothingOfTheDayIsOpen() {
        OfficeEmailView email = email();
        OfficeComplaintsView complaints = complaints();
        String html = render(Locale.ENGLISH,
                section("emailDay", new OfficeEmailView(email.heading(), email.office(), email.departments(),
                        email.mailboxes(), List.of(), List.of())),
                section("complaintsDay", new OfficeComplaintsView(complaints.heading(), complaints.office(),
                        complaints.departments(), List.of(), List.of())));

        assertThat(html).contains("E-mail (E1, E2)", "Complaints and requests (C1, E3)")
                .doesNotContain("Still waiting", "email-open-list", "complaints-open-list");
    }

    @Test
    void shouldSpeakPolish() {
        String html = render(polish(), section("emailDay", email()), section("complaintsDay", complaints()));

        assertThat(html).contains("Poczta elektroniczna (E1, E2)", "Odpowiedzi (E1)", "Potwierdzenia odczytu (E2)",
                "Skargi i wnioski (C1, E3)", "Wciąż czekają na odpowiedź", "Skarga SKW.1510.3.2026",
                "po terminie od 10:30", "(1 dzień)");
        assertThat(cells(html, "day-email-office")).startsWith("Cały urząd", "4");
        assertThat(html).doesNotContain("Read receipts", "Whole office");
    }

    private static OfficeEmailView email() {
        EmailFigures.ReadReceiptFigures receipts = new EmailFigures.ReadReceiptFigures(2, 1, 1, 0,
                new DurationStats(2, 450.0, 300.0, 600.0, 600.0));
        EmailFigures mailbox = figures("M-SEK", "Sekretariat", receipts);
        EmailItem open = new EmailItem("m-7", "M-SEK", "Sekretariat", null, Instant.parse("2026-11-18T09:14:00Z"),
                NOW.minusSeconds(3600), -3600, true, false, 0, false);
        return new OfficeEmailView(HEADING, figures("UM-JED", "Urząd", receipts), List.of(), List.of(mailbox), List.of(open), List.of(open));
    }

    private static EmailFigures figures(String id, String name, EmailFigures.ReadReceiptFigures receipts) {
        return new EmailFigures(id, name, 4, 2, 1, 1, 0, 0.75, 1, 2, 1, 0, 1, 0, receipts, DurationStats.EMPTY);
    }

    private static OfficeComplaintsView complaints() {
        ComplaintFigures department = new ComplaintFigures("WSO", "Wydział Spraw Obywatelskich", 3, 2, 1, 1, 0, 0.5, 1,
                1, 0, 2, 0, 1);
        ComplaintFigures office = new ComplaintFigures("UM-JED", "Urząd", 3, 2, 1, 1, 0, 0.5, 1, 1, 0, 2, 0, 1);
        ComplaintItem overdue = new ComplaintItem("k-3", "SKW.1510.3.2026", "COMPLAINT", "WSO",
                "Wydział Spraw Obywatelskich", Instant.parse("2026-10-20T09:00:00Z"),
                Instant.parse("2026-11-20T22:59:59Z"), Instant.parse("2026-11-20T22:59:59Z"), -100_000, false, true, 0, 0);
        return new OfficeComplaintsView(HEADING, office, List.of(department), List.of(overdue), List.of(overdue));
    }
}
