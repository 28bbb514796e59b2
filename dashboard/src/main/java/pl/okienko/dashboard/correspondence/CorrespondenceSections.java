package pl.okienko.dashboard.correspondence;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.correspondence.ComplaintItem;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.correspondence.OfficeComplaintsView;
import pl.okienko.processors.correspondence.OfficeEmailView;

/** The e-mail (E1, E2) and complaints (C1, E3) parts of the office pages. */
@Configuration(proxyBeanMethods = false)
public class CorrespondenceSections {

    /** At most this many open items are listed on the page (overdue first); the API lists all. */
    static final int LISTED = 10;

    /**
     * The e-mail and complaints parts of an office's live panel: variables {@code email} and
     * {@code complaints}, with their {@code emailFigures} and {@code complaintsFigures}, for {@code correspondence/email-panel} and {@code correspondence/complaints-panel}, so
     * they are pushed over SSE with the rest of the panel. An office with no mailbox and no e-mail
     * shows no e-mail panel; one with no complaint ever registered shows no complaints panel.
     */
    @Bean
    LivePanelSection correspondencePanelSection(CorrespondenceViews views) {
        LivePanelSection email = LivePanelSection.of("email", views::email,
                view -> !view.mailboxes().isEmpty() || !view.open().isEmpty(), CorrespondenceSections::emailFigures);
        LivePanelSection complaints = LivePanelSection.of("complaints", views::complaints,
                view -> view.office().registered() > 0 || !view.open().isEmpty(),
                CorrespondenceSections::complaintsFigures);
        return (officeId, now, variables) -> {
            email.addTo(officeId, now, variables);
            complaints.addTo(officeId, now, variables);
            variables.put("correspondenceListed", LISTED);
        };
    }

    /**
     * The e-mail's key figures: open now and overdue now (E1), an alert while any is overdue, today's
     * rate of replies within the target (E1), and read receipts sent within their target of those requested (E2).
     */
    public static List<KeyFigure> emailFigures(OfficeEmailView email) {
        return List.of(
                KeyFigure.count("email.openNow", "email-open", email.open().size()),
                KeyFigure.count("email.overdueNow", "email-overdue", email.overdue().size())
                        .alertWhen(!email.overdue().isEmpty()),
                KeyFigure.percent("email.withinTargetToday", "email-within-target", email.office().withinTargetRate()),
                KeyFigure.of("email.readReceiptsToday", "email-read-receipts",
                        email.office().readReceipts().withinTarget() + " / " + email.office().readReceipts().requested()));
    }

    /**
     * The complaints' key figures (C1): open now; due soon, a warning while any is; overdue, an alert
     * while any is; registered today.
     */
    public static List<KeyFigure> complaintsFigures(OfficeComplaintsView complaints) {
        long dueSoon = complaints.open().stream().filter(ComplaintItem::dueSoon).count();
        return List.of(
                KeyFigure.count("complaints.open", "complaints-open", complaints.open().size()),
                KeyFigure.count("complaints.dueSoon", "complaints-due-soon", dueSoon).warningWhen(dueSoon > 0),
                KeyFigure.count("complaints.overdue", "complaints-overdue", complaints.overdue().size())
                        .alertWhen(!complaints.overdue().isEmpty()),
                KeyFigure.count("complaints.registeredToday", "complaints-registered", complaints.office().registered()));
    }

    /**
     * The e-mail part of the day report: variable {@code emailDay}, the e-mails received that day, per
     * mailbox and office, as they stand now, when the day had any.
     */
    @Bean
    DayReportSection emailDaySection(CorrespondenceViews views) {
        return DayReportSection.of("emailDay", views::emailDay, view -> view.office().received() > 0);
    }

    /**
     * The complaints part of the day report: variable {@code complaintsDay}, the items registered
     * that day, per department and office, when the day had any.
     */
    @Bean
    DayReportSection complaintsDaySection(CorrespondenceViews views) {
        return DayReportSection.of("complaintsDay", views::complaintsDay, view -> view.office().registered() > 0);
    }

    /** The e-mail row of the region overview (E1): overdue now, red while any is, and open now. */
    @Bean
    OverviewSection emailOverview(CorrespondenceViews views) {
        return OverviewSection.of(Concern.EMAIL, views::email,
                view -> !view.mailboxes().isEmpty() || !view.open().isEmpty(),
                view -> List.of(
                        KeyFigure.count("overview.figure.overdue", null, view.overdue().size()).alertWhen(!view.overdue().isEmpty()),
                        KeyFigure.count("overview.figure.open", null, view.open().size())));
    }

    /** The complaints row of the region overview (C1): overdue, due soon and open. */
    @Bean
    OverviewSection complaintsOverview(CorrespondenceViews views) {
        return OverviewSection.of(Concern.COMPLAINTS, views::complaints,
                view -> view.office().registered() > 0 || !view.open().isEmpty(),
                view -> {
                    long dueSoon = view.open().stream().filter(ComplaintItem::dueSoon).count();
                    return List.of(
                            KeyFigure.count("overview.figure.overdue", null, view.overdue().size())
                                    .alertWhen(!view.overdue().isEmpty()),
                            KeyFigure.count("overview.figure.dueSoon", null, dueSoon).warningWhen(dueSoon > 0),
                            KeyFigure.count("overview.figure.open", null, view.open().size()));
                });
    }
}
