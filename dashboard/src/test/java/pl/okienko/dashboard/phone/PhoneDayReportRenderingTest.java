package pl.okienko.dashboard.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.DayReportPage.DAY;
import static pl.okienko.dashboard.queues.DayReportPage.NOW;
import static pl.okienko.dashboard.queues.DayReportPage.cells;
import static pl.okienko.dashboard.queues.DayReportPage.polish;
import static pl.okienko.dashboard.queues.DayReportPage.render;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.CallbackView;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneStats;

/** The day report's telephone part (T1–T4, I2): calls per line and office, unanswered by reason, the day's callbacks. */
class PhoneDayReportRenderingTest {

    private static final CallbackSummary SUMMARY = new CallbackSummary(1, 0, 1, 3, 1, 1, 1, 1.0 / 3, 2, 1);

    @Test
    void shouldShowEachLinesCallsWithTheUnansweredByReasonAndTheOfficeTotal() {
        String html = render(Locale.ENGLISH, phoneSection(phone(20), callbacks()));

        assertThat(html).contains("Telephone (T1–T4, I2)", "Abandoned (T2)", "No answer (T2)", "Busy (T2)",
                "Missed rate (T2)", "Service level (T1)", "Ended for abuse (I2)");
        assertThat(cells(html, "phone-line-L-WSO")).containsExactly("Sprawy obywatelskie", "20", "15", "3", "2", "1",
                "1", "0", "10%", "75%", "10 s", "3:10 min", "1");
        assertThat(cells(html, "phone-office")).containsExactly("Whole office", "20", "15", "3", "2", "1", "1", "0",
                "10%", "75%", "10 s", "3:10 min", "1");
    }

    @Test
    void shouldShowTheCallbacksDueThatDayKeptOnTimeLateAndStillOpen() {
        String html = render(Locale.ENGLISH, phoneSection(phone(20), callbacks()));

        assertThat(html).contains("Callbacks due on this day (T3, T4)", "Kept on time", "Kept late",
                "Still open, past due");
        assertThat(cells(html, "day-callbacks")).containsExactly("3", "1", "1", "1", "33%", "2", "1");
        assertThat(html.indexOf("callback-T3-c9")).isLessThan(html.indexOf("callback-T3-c7"));
        assertThat(html).contains("data-status=\"MET_ON_TIME\"", "data-status=\"MET_LATE\"", "Promised callback",
                "due Wed 18 Nov 11:00", "kept on time", "kept late", "overdue since Wed 18 Nov 16:00 (3 days)",
                "missed Wed 18 Nov 14:00");
    }

    @Test
    void shouldSpeakPolish() {
        String html = render(polish(), phoneSection(phone(20), callbacks()));

        assertThat(html).contains("Telefon (T1–T4, I2)", "Porzucone (T2)", "Odsetek nieodebranych (T2)",
                "Oddzwonienia z terminem tego dnia (T3, T4)", "Obiecane oddzwonienie", "dotrzymane po terminie");
        assertThat(cells(html, "phone-office")).startsWith("Cały urząd", "20");
        assertThat(cells(html, "day-callbacks")).contains("33%");
        assertThat(html).doesNotContain("Abandoned", "Whole office");
    }

    @Test
    void shouldSayNoCallRangWhenOnlyCallbacksFellDueThatDay() {
        String html = render(Locale.ENGLISH, phoneSection(phone(0), callbacks()));

        assertThat(html).contains("No call rang on this day.", "data-testid=\"day-callbacks\"")
                .doesNotContain("phone-lines");
    }

    private static DayReportSection phoneSection(OfficePhoneView phone, CallbacksView callbacks) {
        return (officeId, date, now, variables) -> variables.putAll(Map.of("phoneDay", phone, "callbacksDay", callbacks));
    }

    private static OfficePhoneView phone(long offered) {
        PhoneStats line = stats("L-WSO", "Sprawy obywatelskie", offered);
        PhoneStats office = stats("UM-JED", "Urząd", offered);
        return new OfficePhoneView("UM-JED", "Urząd", "Europe/Warsaw", NOW, DAY, 0, 0, 3, 15, office, List.of(),
                offered == 0 ? List.of() : List.of(line), List.of(), SUMMARY);
    }

    private static PhoneStats stats(String id, String name, long offered) {
        if (offered == 0) {
            return new PhoneStats(id, name, null, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, 0, 2, 1);
        }
        return new PhoneStats(id, name, null, offered, 15, 3, 2, 1, 1, 0, 0.75, 0.1, 9.5, 31.0, 190.0, 1, 2, 1);
    }

    private static CallbacksView callbacks() {
        CallbackView overdue = new CallbackView("T3-c9", "MISSED_CALL", "T3", "L-WSO", "Sprawy obywatelskie", "c9",
                Instant.parse("2026-11-18T13:00:00Z"), Instant.parse("2026-11-18T15:00:00Z"), "OVERDUE", 1, null, null,
                null, 243000L);
        CallbackView onTime = new CallbackView("T3-c7", "MISSED_CALL", "T3", "L-WSO", "Sprawy obywatelskie", "c7",
                Instant.parse("2026-11-18T08:00:00Z"), Instant.parse("2026-11-18T10:00:00Z"), "MET_ON_TIME", 1,
                Instant.parse("2026-11-18T09:00:00Z"), "CALLBACK_CONNECTED", null, null);
        CallbackView late = new CallbackView("T4-p1", "PROMISED", "T4", null, null, "c8",
                Instant.parse("2026-11-18T09:00:00Z"), Instant.parse("2026-11-18T10:40:00Z"), "MET_LATE", 1,
                Instant.parse("2026-11-18T10:45:00Z"), "CALLBACK_NOT_CONNECTED", null, 300L);
        return new CallbacksView("UM-JED", "Urząd", "Europe/Warsaw", NOW, DAY, "all", SUMMARY,
                List.of(overdue, onTime, late));
    }
}
