package pl.okienko.dashboard.correspondence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/** The e-mail (E1, E2) and complaints (C1, E3) parts of the office pages. */
@Configuration(proxyBeanMethods = false)
public class CorrespondenceSections {

    /** At most this many open items are listed on the page (overdue first); the API lists all. */
    static final int LISTED = 10;

    /**
     * The e-mail and complaints parts of an office's live panel: variables {@code email} and
     * {@code complaints} for {@code correspondence/email-panel} and {@code correspondence/complaints-panel}, so
     * they are pushed over SSE with the rest of the panel. An office with no mailbox and no e-mail
     * shows no e-mail panel; one with no complaint ever registered shows no complaints panel.
     */
    @Bean
    LivePanelSection correspondencePanelSection(CorrespondenceViews views) {
        LivePanelSection email = LivePanelSection.of("email", views::email,
                view -> !view.mailboxes().isEmpty() || !view.open().isEmpty());
        LivePanelSection complaints = LivePanelSection.of("complaints", views::complaints,
                view -> view.office().registered() > 0 || !view.open().isEmpty());
        return (officeId, now, variables) -> {
            email.addTo(officeId, now, variables);
            complaints.addTo(officeId, now, variables);
            variables.put("correspondenceListed", LISTED);
        };
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
}
