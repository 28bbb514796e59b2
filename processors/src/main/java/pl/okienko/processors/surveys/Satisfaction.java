package pl.okienko.processors.surveys;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import pl.okienko.events.survey.SurveyResponse;
import pl.okienko.processors.surveys.state.SurveyCounts;

/**
 * Client satisfaction (S1) of a set of survey responses: how many, and per question how many answers and the
 * sum of their scores. Counts and sums only, so days add up to weeks exactly ({@link #plus}); means and the index
 * are computed from the totals, never averaged.
 *
 * <p>The satisfaction index is the mean, over every answer (a question scored in a response), of
 * (score − {@link #SCALE_MIN}) / ({@link #SCALE_MAX} − {@link #SCALE_MIN}) × 100: 0 when every answer is the worst
 * score, 100 when every answer is the best. It is given with {@link #answers()}, so a small sample shows as such.
 *
 * @param responses responses counted
 * @param questions question id to its answers and score sum, in question order
 */
public record Satisfaction(long responses, Map<String, QuestionTotals> questions) {

    /** The survey's scale, as the schema's {@code scores} field bounds it (the contract refuses any other score). */
    public static final int SCALE_MIN = bound("minimum");
    public static final int SCALE_MAX = bound("maximum");

    public static final Satisfaction NONE = new Satisfaction(0, Map.of());

    /**
     * One question's answers.
     *
     * @param answers how many responses scored it
     * @param scoreSum the sum of their scores
     */
    public record QuestionTotals(long answers, long scoreSum) {

        QuestionTotals plus(QuestionTotals other) {
            return new QuestionTotals(answers + other.answers, scoreSum + other.scoreSum);
        }

        /** The mean score, empty with no answer. */
        public OptionalDouble mean() {
            return Satisfaction.mean(answers, scoreSum);
        }

        /** The index over this question's answers, empty with no answer. */
        public OptionalDouble index() {
            return Satisfaction.index(answers, scoreSum);
        }
    }

    public Satisfaction {
        questions = Collections.unmodifiableMap(new TreeMap<>(questions));
    }

    /** One response with its scores (question id → score on the scale). */
    public static Satisfaction response(Map<String, Integer> scores) {
        Map<String, QuestionTotals> questions = new TreeMap<>();
        scores.forEach((question, score) -> {
            if (score < SCALE_MIN || score > SCALE_MAX) {
                throw new IllegalArgumentException("score " + score + " of question " + question + " is outside "
                        + SCALE_MIN + "…" + SCALE_MAX);
            }
            questions.put(question, new QuestionTotals(1, score));
        });
        return new Satisfaction(1, questions);
    }

    /** Both sets of responses together: counts and sums added. */
    public Satisfaction plus(Satisfaction other) {
        Map<String, QuestionTotals> merged = new TreeMap<>(questions);
        other.questions.forEach((question, totals) -> merged.merge(question, totals, QuestionTotals::plus));
        return new Satisfaction(responses + other.responses, merged);
    }

    /** Every answer, over all questions. */
    public long answers() {
        return questions.values().stream().mapToLong(QuestionTotals::answers).sum();
    }

    public long scoreSum() {
        return questions.values().stream().mapToLong(QuestionTotals::scoreSum).sum();
    }

    /** The mean score over every answer, empty with no answer. */
    public OptionalDouble mean() {
        return mean(answers(), scoreSum());
    }

    /** The satisfaction index, 0–100, over every answer; empty with no answer. */
    public OptionalDouble index() {
        return index(answers(), scoreSum());
    }

    static OptionalDouble mean(long answers, long scoreSum) {
        return answers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) scoreSum / answers);
    }

    /** Σ(score − min) / (answers × (max − min)) × 100, i.e. the mean of each answer's position on the scale. */
    static OptionalDouble index(long answers, long scoreSum) {
        return answers == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * (scoreSum - answers * SCALE_MIN) / (answers * (SCALE_MAX - SCALE_MIN)));
    }

    public static Satisfaction fromState(SurveyCounts state) {
        if (state == null) {
            return NONE;
        }
        Map<String, QuestionTotals> questions = new TreeMap<>();
        state.getAnswers().forEach((question, answers) -> questions.put(question.toString(),
                new QuestionTotals(answers, state.getScoreSums().getOrDefault(question, 0L))));
        return new Satisfaction(state.getResponses(), questions);
    }

    public SurveyCounts toState() {
        Map<String, Long> answers = new TreeMap<>();
        Map<String, Long> sums = new TreeMap<>();
        questions.forEach((question, totals) -> {
            answers.put(question, totals.answers());
            sums.put(question, totals.scoreSum());
        });
        return SurveyCounts.newBuilder().setResponses(responses).setAnswers(answers).setScoreSums(sums).build();
    }

    private static int bound(String property) {
        Object bound = SurveyResponse.getClassSchema().getField("scores").getObjectProp(property);
        return ((Number) bound).intValue();
    }
}
