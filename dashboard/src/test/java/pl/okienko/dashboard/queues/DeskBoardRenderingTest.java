package pl.okienko.dashboard.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.okienko.dashboard.queues.QuietOffice.NOW;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.processors.queues.DeskView;
import pl.okienko.processors.queues.DeskView.State;
import pl.okienko.processors.queues.OfficeDesksView;

/** The desk view on the live panel (issue 14): each desk by name, its state in words, its ticket, queue and for how long. */
class DeskBoardRenderingTest {

    @Test
    void shouldShowEachDeskByNameWithItsStateTicketQueueAndForHowLong() {
        String html = QuietOffice.panel(QuietOffice.view(), Locale.ENGLISH, desks());

        assertThat(html).contains("Desks (Q1, Q5)", "data-testid=\"desks-serving\">1<", "data-testid=\"desks-paused\">1<");
        assertThat(html).contains("data-testid=\"desk-D1\" data-state=\"SERVING\"", "title=\"D1\">Stanowisko 1<",
                "serving", "A017", "Dowody osobiste", ">4:10<");
        assertThat(html).contains("data-state=\"PAUSED\"", "paused", "(10 min announced)", ">1:02:09<");
        assertThat(html).contains("data-state=\"CLOSED\"", "closed");
    }

    @Test
    void shouldSpeakPolish() {
        String html = QuietOffice.panel(QuietOffice.view(), Locale.forLanguageTag("pl"), desks());

        assertThat(html).contains("Stanowiska (Q1, Q5)", "obsługuje", "przerwa", "(zapowiedziano 10 min)", "zamknięte");
        assertThat(html).doesNotContain(">serving<", "Desks (Q1, Q5)");
    }

    private static Map<String, Object> desks() {
        OfficeDesksView view = new OfficeDesksView("UM-JED", "Urząd", "Europe/Warsaw", NOW, List.of(
                new DeskView("D1", "Stanowisko 1", "WSO", State.SERVING, List.of("A"), "A017", "A", "Dowody osobiste",
                        NOW.minusSeconds(250), 250L, null),
                new DeskView("D2", "Stanowisko 2", "WSO", State.PAUSED, List.of("A"), "A011", "A", "Dowody osobiste",
                        NOW.minusSeconds(3729), 3729L, 10),
                new DeskView("D3", "Stanowisko 3", "WSO", State.CLOSED, List.of(), null, null, null, null, null, null)));
        return Map.of("desks", view, "desksFigures", List.of(KeyFigure.count("desks.serving", "desks-serving", 1),
                KeyFigure.count("desks.paused", "desks-paused", 1), KeyFigure.count("desks.idle", "desks-idle", 0)));
    }
}
