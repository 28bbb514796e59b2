package pl.okienko.dashboard.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static pl.okienko.dashboard.queues.QuietOffice.NOW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.KeyFigure.State;
import pl.okienko.dashboard.queues.QuietOffice;
import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.CallbackView;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneStats;

/** The phone section is part of the live panel the SSE stream pushes (T1–T4): its figures and callbacks, overdue first, in both languages. */
class PhonePanelRenderingTest {

    @Test
    void shouldPushTheServiceLevelRingingNowAndTheOverdueCallbackFirst() {
        String html = QuietOffice.panel(QuietOffice.view(), Locale.ENGLISH, phonePanel());

        assertThat(html).doesNotContain("\n");
        assertThat(html).contains("data-testid=\"phone-panel\"", "Telephone (T1–T4)", "Answered by ring 3 today (T1)");
        assertThat(html).contains("data-testid=\"phone-service-level\">75%<", "data-testid=\"phone-ringing-now\">2<",
                "data-testid=\"phone-longest-ring\">0:12<", "data-testid=\"phone-callbacks-overdue\">1<");
        assertThat(html).contains("data-testid=\"phone-line-L-WSO\"", "Sprawy obywatelskie", "Ended for abuse (I2)");
        assertThat(html).contains("kept on time today: 50%");
        assertThat(html.indexOf("callback-T3-c7")).isLessThan(html.indexOf("callback-T4-cb2"));
        // the line by name with its id on hover, when the calls were missed, how many, the deadline as it stands at 11:30
        assertThat(html).contains("data-status=\"OVERDUE\"", "Missed call", "title=\"L-WSO\">Sprawy obywatelskie<",
                "missed 09:00", "3 missed calls", "overdue since 11:00", "Promised callback", "promised 10:00",
                "due today 11:40", "due soon");
    }

    @Test
    void shouldJudgeOnlyTheOverdueCallbacksAnAlert() {
        assertThat(PhoneSections.keyFigures(phone())).extracting(KeyFigure::testId, KeyFigure::shown, KeyFigure::state)
                .containsExactly(tuple("phone-service-level", "75%", State.NORMAL),
                        tuple("phone-ringing-now", "2", State.NORMAL), tuple("phone-longest-ring", "0:12", State.NORMAL),
                        tuple("phone-callbacks-overdue", "1", State.ALERT));
        assertThat(QuietOffice.panel(QuietOffice.view(), Locale.ENGLISH, phonePanel()))
                .containsOnlyOnce("data-state=\"alert\"");
    }

    @Test
    void shouldSpeakPolish() {
        String html = QuietOffice.panel(QuietOffice.view(), Locale.forLanguageTag("pl"), phonePanel());

        assertThat(html).contains("Telefon (T1–T4)", "Odebrane do 3. dzwonka dziś (T1)", "Dzwoni teraz (T1)",
                "Nieodebrane połączenie", "nieodebrane 09:00", "3 nieodebrane połączenia", "po terminie od 11:00",
                "Obiecane oddzwonienie", "obiecane 10:00", "termin dziś 11:40", "dotrzymane na czas dziś: 50%");
        assertThat(html).doesNotContain("Ringing now");
    }

    @Test
    void shouldShowNoPhoneSectionWithoutPhoneData() {
        assertThat(QuietOffice.panel(QuietOffice.view(), Locale.ENGLISH, Map.of())).doesNotContain("phone-panel");
    }

    /** The phone section's variables as {@link PhoneSections} adds them. */
    private static Map<String, Object> phonePanel() {
        return Map.of("phone", phone(), "phoneFigures", PhoneSections.keyFigures(phone()), "callbacks", callbacks());
    }

    private static OfficePhoneView phone() {
        PhoneStats line = new PhoneStats("L-WSO", "Sprawy obywatelskie", "WSO", 20, 15, 3, 2, 1, 1, 0, 0.75, 0.1,
                9.5, 31.0, 190.0, 1, 4, 3);
        PhoneStats office = new PhoneStats("UM-JED", "Urząd", null, 20, 15, 3, 2, 1, 1, 0, 0.75, 0.1, 9.5, 31.0,
                190.0, 1, 4, 3);
        return new OfficePhoneView("UM-JED", "Urząd", "Europe/Warsaw", NOW, LocalDate.of(2026, 11, 20), 2, 12, 3, 15,
                office, List.of(), List.of(line), List.of(), new CallbackSummary(2, 1, 1, 2, 1, 0, 1, 0.5, 1, 1));
    }

    private static CallbacksView callbacks() {
        CallbackView overdue = new CallbackView("T3-c7", "MISSED_CALL", "T3", "L-WSO", "Sprawy obywatelskie", "c7",
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"), "OVERDUE", 3, null, null,
                null, 1800L);
        CallbackView soon = new CallbackView("T4-cb2", "PROMISED", "T4", null, null, "c9",
                Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T10:40:00Z"), "DUE_SOON", 1, null, null,
                600L, null);
        return new CallbacksView("UM-JED", "Urząd", "Europe/Warsaw", NOW, null, "open",
                new CallbackSummary(2, 1, 1, 2, 1, 0, 1, 0.5, 1, 1), List.of(overdue, soon));
    }
}
