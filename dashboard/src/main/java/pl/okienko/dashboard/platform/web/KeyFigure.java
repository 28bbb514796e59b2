package pl.okienko.dashboard.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One key figure of a concern on an office's live panel: waiting now (Q1), today's fulfilment (P1),
 * the service level (T1), overdue e-mails (E1) or complaints (C1), incidents today (I1). It says what
 * it is (a message code and the code's arguments), its value as the page shows it, the test id of
 * that value, and the state its concern judges it in, where the concern judges one (an overdue
 * callback is an alert). Each concern builds its own from its live view, formatted by {@link Display};
 * the fragment {@code fragments/stats :: key-figures} renders any list of them, so the panels and a
 * later overview of many offices show the same figures the same way.
 *
 * @param label the message code of what the figure is
 * @param labelArguments the arguments of that message, none for most
 * @param value the figure as shown; {@code null} when there is nothing to show (no data, not 0)
 * @param testId the {@code data-testid} of the value; {@code null} for none
 * @param state how the concern judges the figure
 */
public record KeyFigure(String label, List<Object> labelArguments, String value, String testId, State state) {

    /** How a concern judges a figure, as a traffic light: fine, needs watching, a rule is broken now. */
    public enum State {
        NORMAL, WARNING, ALERT
    }

    public KeyFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        labelArguments = List.copyOf(labelArguments);
    }

    private static final Display FMT = new Display();

    /** A count, as the number it is. */
    public static KeyFigure count(String label, String testId, long count) {
        return new KeyFigure(label, List.of(), Long.toString(count), testId, State.NORMAL);
    }

    /** A rate as a whole percentage ({@link Display#percent}); nothing to show when there was nothing to divide by. */
    public static KeyFigure percent(String label, String testId, Double rate) {
        return of(label, testId, rate == null ? null : FMT.percent(rate));
    }

    /** A figure already formatted (a clock, a duration, "3 / 4"), or {@code null} when there is none. */
    public static KeyFigure of(String label, String testId, String value) {
        return new KeyFigure(label, List.of(), value, testId, State.NORMAL);
    }

    /** This figure with its label's message arguments, e.g. the ring limit of "answered by ring {0}". */
    public KeyFigure withLabelArguments(Object... arguments) {
        return new KeyFigure(label, Arrays.asList(arguments), value, testId, state);
    }

    /** This figure judged an {@link State#ALERT} when {@code broken}, else as it was. */
    public KeyFigure alertWhen(boolean broken) {
        return broken ? in(State.ALERT) : this;
    }

    /** This figure judged a {@link State#WARNING} when {@code close}, else as it was. */
    public KeyFigure warningWhen(boolean close) {
        return close ? in(State.WARNING) : this;
    }

    private KeyFigure in(State judged) {
        return new KeyFigure(label, labelArguments, value, testId, judged);
    }

    /** Whether there is a value; without one the figure shows {@link Display#NONE}. */
    public boolean hasValue() {
        return value != null;
    }

    /** What the page shows: the value, or the dash when there is none. */
    public String shown() {
        return hasValue() ? value : Display.NONE;
    }

    /** The label's arguments as the message source takes them. */
    public Object[] labelArgumentArray() {
        return labelArguments.toArray();
    }

    /** The state as the page marks it ({@code data-state}): {@code null} when normal, else {@code warning} or {@code alert}. */
    public String stateMark() {
        return state == State.NORMAL ? null : state.name().toLowerCase(Locale.ROOT);
    }
}
