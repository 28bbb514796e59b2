package pl.okienko.dashboard.phone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneViews;

/**
 * The telephone part of the day report (T1–T4, I2): variables {@code phoneDay} (calls per line and
 * office: offered, within target, later, unanswered by reason, service level, answer and talk times,
 * ended for abuse) and {@code callbacksDay} (every obligation due that day, kept on time, late or
 * still open), when the day had calls or callbacks due.
 */
@Component
public class PhoneDaySection implements DayReportSection {

    private final PhoneViews views;

    public PhoneDaySection(PhoneViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, LocalDate date, Instant now, Map<String, Object> variables) {
        // By the day's figures, not the list: after the retention the met ones are no longer listed but still counted.
        Optional<CallbacksView> callbacks = views.callbacks(officeId, date, "all", now)
                .filter(list -> list.summary().dueThatDay() > 0);
        views.day(officeId, date, now).filter(phone -> hasCalls(phone) || callbacks.isPresent()).ifPresent(phone -> {
            variables.put("phoneDay", phone);
            callbacks.ifPresent(list -> variables.put("callbacksDay", list));
        });
    }

    private static boolean hasCalls(OfficePhoneView phone) {
        return phone.office().offered() > 0 || phone.office().outboundAttempts() > 0;
    }
}
