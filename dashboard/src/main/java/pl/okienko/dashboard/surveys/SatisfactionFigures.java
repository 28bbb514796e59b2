package pl.okienko.dashboard.surveys;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import pl.okienko.processors.surveys.Satisfaction;

/**
 * Client satisfaction (S1) of one scope and period as the API shows it: the counts and sums, and the means and
 * index computed from them (null without an answer), always with the number of answers behind them.
 *
 * @param responses responses counted
 * @param answers every question scored, over all responses
 * @param scoreSum the sum of those scores
 * @param meanScore scoreSum / answers, on the 1–5 scale
 * @param index the satisfaction index, 0–100 (docs/standards.md, S1)
 * @param questions question id to its own figures
 */
public record SatisfactionFigures(long responses, long answers, long scoreSum, Double meanScore, Double index,
        Map<String, Question> questions) {

    /** One question's figures. */
    public record Question(long answers, long scoreSum, Double meanScore, Double index) {
    }

    public static SatisfactionFigures of(Satisfaction s) {
        Map<String, Question> questions = new TreeMap<>();
        s.questions().forEach((id, q) -> questions.put(id,
                new Question(q.answers(), q.scoreSum(), orNull(q.mean()), orNull(q.index()))));
        return new SatisfactionFigures(s.responses(), s.answers(), s.scoreSum(), orNull(s.mean()), orNull(s.index()),
                questions);
    }

    static Map<String, SatisfactionFigures> of(Map<String, Satisfaction> byScope) {
        Map<String, SatisfactionFigures> figures = new TreeMap<>();
        byScope.forEach((scope, s) -> figures.put(scope, of(s)));
        return figures;
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
