package pl.okienko.dashboard.phone;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.processors.phone.PhoneViews;

/**
 * The phone part of an office's live panel (T1–T4, I2): variables {@code phone} (today's service
 * level, ringing now) and {@code callbacks} (the open obligations, overdue first) for
 * {@code phone/panel}. An office with no phone line and no phone data shows no phone panel.
 */
@Component
public class PhonePanelSection implements LivePanelSection {

    private final PhoneViews views;

    public PhonePanelSection(PhoneViews views) {
        this.views = views;
    }

    @Override
    public void addTo(String officeId, Instant now, Map<String, Object> variables) {
        views.live(officeId, now)
                .filter(phone -> !phone.lines().isEmpty() || phone.office().offered() > 0 || phone.callbacks().open() > 0)
                .ifPresent(phone -> {
                    variables.put("phone", phone);
                    views.callbacks(officeId, null, "open", now).ifPresent(list -> variables.put("callbacks", list));
                });
    }
}
