package pl.okienko.dashboard.phone;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneViews;

/** The telephone parts of the office pages (T1–T4, I2). */
@Configuration(proxyBeanMethods = false)
public class PhoneSections {

    private static final Display FMT = new Display();

    /**
     * The phone part of an office's live panel: variables {@code phone} (today's service level,
     * ringing now), {@code phoneFigures} (its {@link #keyFigures key figures}) and {@code callbacks} (the
     * open obligations, overdue first) for {@code phone/panel}.
     * An office with no phone line and no phone data shows no phone panel.
     */
    @Bean
    LivePanelSection phonePanelSection(PhoneViews views) {
        return (officeId, now, variables) -> views.live(officeId, now)
                .filter(phone -> !phone.lines().isEmpty() || phone.office().offered() > 0 || phone.callbacks().open() > 0)
                .ifPresent(phone -> {
                    variables.put("phone", phone);
                    variables.put("phoneFigures", keyFigures(phone));
                    views.callbacks(officeId, null, "open", now).ifPresent(list -> variables.put("callbacks", list));
                });
    }

    /**
     * The phone's key figures today: the service level (T1, answered by the ring limit), calls ringing
     * now and the longest of them, and the callbacks overdue (T3, T4), an alert while there are any.
     */
    public static List<KeyFigure> keyFigures(OfficePhoneView phone) {
        return List.of(
                KeyFigure.percent("phone.serviceLevel", "phone-service-level", phone.office().serviceLevel())
                        .withLabelArguments(phone.ringLimit()),
                KeyFigure.count("phone.ringingNow", "phone-ringing-now", phone.ringingNow()),
                KeyFigure.of("phone.longestRing", "phone-longest-ring", FMT.clock(phone.longestRingSeconds())),
                KeyFigure.count("phone.callbacksOverdue", "phone-callbacks-overdue", phone.callbacks().overdue())
                        .alertWhen(phone.callbacks().overdue() > 0));
    }

    /**
     * The telephone part of the day report: variables {@code phoneDay} (calls per line and office:
     * offered, within target, later, unanswered by reason, service level, answer and talk times, ended
     * for abuse) and {@code callbacksDay} (every obligation due that day, kept on time, late or still
     * open), when the day had calls or callbacks due.
     */
    @Bean
    DayReportSection phoneDaySection(PhoneViews views) {
        return (officeId, date, now, variables) -> {
            // By the day's figures, not the list: after the retention the met ones are no longer listed but still counted.
            Optional<CallbacksView> callbacks = views.callbacks(officeId, date, "all", now)
                    .filter(list -> list.summary().dueThatDay() > 0);
            views.day(officeId, date, now).filter(phone -> hasCalls(phone) || callbacks.isPresent()).ifPresent(phone -> {
                variables.put("phoneDay", phone);
                callbacks.ifPresent(list -> variables.put("callbacksDay", list));
            });
        };
    }

    private static boolean hasCalls(OfficePhoneView phone) {
        return phone.office().offered() > 0 || phone.office().outboundAttempts() > 0;
    }

    /** The phone row of the region overview (T1, T2), for an office with a line or a call today. */
    @Bean
    OverviewSection phoneOverview(PhoneViews views) {
        return OverviewSection.of(Concern.PHONE, views::live, phone -> !phone.lines().isEmpty() || phone.office().offered() > 0,
                PhoneSections::phoneRow);
    }

    /** The callbacks row of the region overview (T3, T4), for an office with a line or a callback owed. */
    @Bean
    OverviewSection callbacksOverview(PhoneViews views) {
        return OverviewSection.of(Concern.CALLBACKS, views::live, phone -> !phone.lines().isEmpty() || phone.callbacks().open() > 0,
                PhoneSections::callbacksRow);
    }

    /** Today's service level (T1, answered by the ring limit) and the calls ringing now. */
    static List<KeyFigure> phoneRow(OfficePhoneView phone) {
        return List.of(
                KeyFigure.percent("overview.figure.byRing", null, phone.office().serviceLevel()).withLabelArguments(phone.ringLimit()),
                KeyFigure.count("overview.figure.ringing", null, phone.ringingNow()));
    }

    /** The callbacks overdue (T3, T4), an alert while there are any, and those still open. */
    static List<KeyFigure> callbacksRow(OfficePhoneView phone) {
        return List.of(
                KeyFigure.count("overview.figure.overdue", null, phone.callbacks().overdue()).alertWhen(phone.callbacks().overdue() > 0),
                KeyFigure.count("overview.figure.open", null, phone.callbacks().open()));
    }
}
