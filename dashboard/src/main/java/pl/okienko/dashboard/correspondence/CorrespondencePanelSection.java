package pl.okienko.dashboard.correspondence;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/**
 * The e-mail (E1, E2) and complaints (C1) parts of an office's live panel: variables {@code email}
 * and {@code complaints} for {@code correspondence/email-panel} and {@code correspondence/complaints-panel}, so
 * they are pushed over SSE with the rest of the panel. An office with no mailbox and no e-mail
 * shows no e-mail panel; one with no complaint ever registered shows no complaints panel.
 */
@Component
public class CorrespondencePanelSection implements LivePanelSection {

    /** At most this many open items are listed on the page (overdue first); the API lists all. */
    static final int LISTED = 10;

    private final CorrespondenceViews views;

    public CorrespondencePanelSection(CorrespondenceViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, Instant now, Map<String, Object> variables) {
        views.email(officeId, now)
                .filter(email -> !email.mailboxes().isEmpty() || !email.open().isEmpty())
                .ifPresent(email -> variables.put("email", email));
        views.complaints(officeId, now)
                .filter(complaints -> complaints.office().registered() > 0 || !complaints.open().isEmpty())
                .ifPresent(complaints -> variables.put("complaints", complaints));
        variables.put("correspondenceListed", LISTED);
    }
}
