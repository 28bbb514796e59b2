package pl.okienko.dashboard.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/**
 * The e-mail (E1, E2) and complaints (C1, E3) parts of the day report: variables {@code emailDay}
 * (the e-mails received that day, per mailbox and office, as they stand now) and
 * {@code complaintsDay} (the items registered that day, per department and office), each when the
 * day had any.
 */
@Component
public class CorrespondenceDaySection implements DayReportSection {

    private final CorrespondenceViews views;

    public CorrespondenceDaySection(CorrespondenceViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables) {
        views.emailDay(officeId, date, now).filter(email -> email.office().received() > 0)
                .ifPresent(email -> variables.put("emailDay", email));
        views.complaintsDay(officeId, date, now).filter(complaints -> complaints.office().registered() > 0)
                .ifPresent(complaints -> variables.put("complaintsDay", complaints));
    }
}
