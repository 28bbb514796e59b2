package pl.okienko.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.events.survey.SurveyChannel;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.events.survey.SurveyResponse;

/**
 * A day of client-satisfaction answers (S1) at one office, a set number of them: the simulator's kiosks
 * ({@code pl.okienko.simulator.surveys.SurveyDay}) answer after the day's visits, but the benchmark's top-ups need
 * a given count of answers at offices without queue traffic, so it makes its own. Answers come at random moments of the business day, most from the kiosk,
 * about one of the office's departments or none, each scoring three to five questions, mostly well.
 * The same arguments give the same events.
 */
final class SurveyDay {

    static final String SOURCE = "bench-surveys";
    /** One visit in this many ends with an answered survey. */
    static final int VISITS_PER_RESPONSE = 10;
    private static final SurveyChannel[] CHANNELS = {SurveyChannel.KIOSK, SurveyChannel.KIOSK, SurveyChannel.KIOSK,
        SurveyChannel.KIOSK, SurveyChannel.KIOSK, SurveyChannel.WEB, SurveyChannel.WEB, SurveyChannel.PAPER,
        SurveyChannel.PAPER, SurveyChannel.PHONE};
    private static final String[] QUESTIONS = {"waiting", "courtesy", "competence", "clarity", "overall"};
    private static final int[] SCORES = {1, 2, 3, 3, 4, 4, 4, 5, 5, 5};

    private SurveyDay() {
    }

    /** {@code responses} answers between {@code opens} and {@code closes}, in time order. */
    static List<SurveyEvent> generate(Office office, Instant opens, Instant closes, int responses, long seed, String label) {
        SplittableRandom random = new SplittableRandom(seed ^ office.getOfficeId().hashCode());
        long length = Math.max(1, closes.toEpochMilli() - opens.toEpochMilli());
        List<Department> departments = office.getDepartments();
        List<SurveyEvent> events = new ArrayList<>(responses);
        for (int i = 0; i < responses; i++) {
            Instant at = opens.plusMillis(random.nextLong(length));
            String department = departments.isEmpty() || random.nextInt(4) == 0 ? null
                    : departments.get(random.nextInt(departments.size())).getDepartmentId();
            Map<String, Integer> scores = new LinkedHashMap<>();
            int questions = 3 + random.nextInt(3);
            for (int q = 0; q < questions; q++) {
                scores.put(QUESTIONS[q], SCORES[random.nextInt(SCORES.length)]);
            }
            String id = office.getOfficeId() + "-" + label + "-s" + i;
            events.add(new SurveyEvent(id, office.getOfficeId(), at, SOURCE,
                    new SurveyResponse(id, CHANNELS[random.nextInt(CHANNELS.length)], department, scores)));
        }
        events.sort(Comparator.comparing(SurveyEvent::getOccurredAt));
        return events;
    }
}
