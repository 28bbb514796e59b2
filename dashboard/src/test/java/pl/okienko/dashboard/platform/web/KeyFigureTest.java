package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

import pl.okienko.dashboard.platform.web.KeyFigure.State;

/** A key figure of a panel, and the one fragment that renders any list of them. */
class KeyFigureTest {

    @Test
    void showsACountAsTheNumberItIs() {
        KeyFigure waiting = KeyFigure.count("measure.waitingNow", "office-waiting", 1234);

        assertThat(waiting.shown()).isEqualTo("1234");
        assertThat(waiting.hasValue()).isTrue();
        assertThat(waiting.state()).isEqualTo(State.NORMAL);
        assertThat(waiting.stateMark()).isNull();
    }

    @Test
    void showsARateAsAPercentageAndTheDashWhenThereWasNothingToDivideBy() {
        assertThat(KeyFigure.percent("priority.fulfilment", "priority-fulfilment", 0.75).shown()).isEqualTo("75%");

        KeyFigure none = KeyFigure.percent("priority.fulfilment", "priority-fulfilment", null);
        assertThat(none.hasValue()).isFalse();
        assertThat(none.value()).isNull();
        assertThat(none.shown()).isEqualTo("—");
    }

    @Test
    void isJudgedAnAlertOrAWarningOnlyWhenItsConditionHolds() {
        KeyFigure overdue = KeyFigure.count("complaints.overdue", "complaints-overdue", 2);

        assertThat(overdue.alertWhen(false)).isEqualTo(overdue);
        assertThat(overdue.alertWhen(true).state()).isEqualTo(State.ALERT);
        assertThat(overdue.alertWhen(true).stateMark()).isEqualTo("alert");
        assertThat(overdue.warningWhen(true).state()).isEqualTo(State.WARNING);
        assertThat(overdue.warningWhen(true).stateMark()).isEqualTo("warning");
        assertThat(overdue.warningWhen(true).alertWhen(true).state()).isEqualTo(State.ALERT);
    }

    @Test
    void keepsItsLabelArgumentsThroughEveryChange() {
        KeyFigure level = KeyFigure.percent("phone.serviceLevel", "phone-service-level", 0.8).withLabelArguments(3)
                .alertWhen(true);

        assertThat(level.labelArguments()).containsExactly(3);
        assertThat(level.labelArgumentArray()).containsExactly(3);
        assertThat(level.value()).isEqualTo("80%");
        assertThat(level.testId()).isEqualTo("phone-service-level");
    }

    @Test
    void needsALabelAndAState() {
        assertThatNullPointerException().isThrownBy(() -> KeyFigure.count(null, "x", 1));
        assertThatNullPointerException().isThrownBy(() -> new KeyFigure("measure.waitingNow", List.of(), "1", null, null));
    }

    @Test
    void rendersEachFigureAsABigNumberWithItsLabelMessageTestIdAndState() {
        List<KeyFigure> figures = List.of(
                KeyFigure.percent("phone.serviceLevel", "phone-service-level", 0.75).withLabelArguments(3),
                KeyFigure.count("phone.callbacksOverdue", "phone-callbacks-overdue", 1).alertWhen(true),
                KeyFigure.of("incidents.timeToResolve", null, null));

        String html = render(figures, "small", Locale.ENGLISH);

        assertThat(html).contains("<dl class=\"big-numbers small\">");
        assertThat(html).contains("<dt>Answered by ring 3 today (T1)</dt>",
                "<dd data-testid=\"phone-service-level\">75%</dd>");
        assertThat(html).contains("<div class=\"big-number\" data-state=\"alert\">",
                "<dd data-testid=\"phone-callbacks-overdue\">1</dd>");
        assertThat(html).contains("<dd>—</dd>");
        assertThat(html.split("class=\"big-number\"", -1)).hasSize(4);
        assertThat(html.split("data-state=", -1)).hasSize(2);
    }

    @Test
    void rendersTheLabelInThePagesLanguage() {
        String html = render(
                List.of(KeyFigure.percent("phone.serviceLevel", "phone-service-level", 0.75).withLabelArguments(3)), null,
                Locale.forLanguageTag("pl"));

        assertThat(html).contains("<dl class=\"big-numbers\">", "Odebrane do 3. dzwonka dziś (T1)");
    }

    /** The fragment on its own, as a panel includes it. */
    private static String render(List<KeyFigure> figures, String kind, Locale locale) {
        Context context = new Context(locale);
        context.setVariables(Map.of("figures", figures));
        context.setVariable("kind", kind);
        return TestTemplates.engine().process("fragments/stats", Set.of("key-figures"), context)
                .replaceAll("\\s*[\\r\\n]+\\s*", "");
    }
}
