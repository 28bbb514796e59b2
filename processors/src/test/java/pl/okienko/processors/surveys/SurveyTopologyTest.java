package pl.okienko.processors.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.events.survey.SurveyChannel;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.processors.PinnedTopology;
import pl.okienko.processors.TopologyTest;
import pl.okienko.topics.DeadLetterHeader;
import pl.okienko.topics.Topics;

class SurveyTopologyTest extends TopologyTest {

    private static final String OFFICE = "UM-TEST";
    /** Monday 2026-11-16, 10:00 in Warsaw; the driver's wall clock starts here too. */
    private static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-16");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-17");

    private final TestInputTopic<String, SurveyEvent> events = input(Topics.SURVEY_EVENTS);
    private final SurveyViews views = new SurveyViews(stores());
    private final SurveyEvents make = new SurveyEvents(OFFICE);

    SurveyTopologyTest() {
        super("okienko-surveys-test", SurveyTopology.build(SurveyConfig.defaults()), T0, testOffice(OFFICE).build());
    }

    private void send(SurveyEvent event) {
        events.pipeInput(OFFICE, event, event.getOccurredAt());
    }

    /**
     * Monday: r1 WSO kiosk {q1 5, q2 4} (delivered twice), r2 WSO web {q1 3}, r3 WK kiosk {q1 1, q2 2}, and a score
     * of 6 (dead-lettered). Tuesday, office time: r4 paper without department {q2 5} at 00:30 (23:30 UTC on
     * Monday), r5 WSO kiosk {q1 4, q2 4, q3 2}. Next Monday: r6 WSO kiosk {q1 2}.
     */
    private void postTheScript() {
        SurveyEvent r1 = make.response("WSO", SurveyChannel.KIOSK, Map.of("q1", 5, "q2", 4), T0);
        send(r1);
        send(make.response("WSO", SurveyChannel.WEB, Map.of("q1", 3), T0.plusSeconds(60)));
        send(r1);
        send(make.response("WK", SurveyChannel.KIOSK, Map.of("q1", 1, "q2", 2), T0.plusSeconds(120)));
        send(make.response("WK", SurveyChannel.KIOSK, Map.of("q1", 6), T0.plusSeconds(180)));
        send(make.response(null, SurveyChannel.PAPER, Map.of("q2", 5), Instant.parse("2026-11-16T23:30:00Z")));
        send(make.response("WSO", SurveyChannel.KIOSK, Map.of("q1", 4, "q2", 4, "q3", 2),
                Instant.parse("2026-11-17T08:00:00Z")));
        // The kiosk's clock may run at most a day ahead of the receiving one.
        driver.advanceWallClockTime(Duration.ofDays(7));
        send(make.response("WSO", SurveyChannel.KIOSK, Map.of("q1", 2), Instant.parse("2026-11-23T08:00:00Z")));
    }

    @Test
    void shouldCountEachResponseOnceIntoItsOfficeDayDepartmentAndChannel() {
        postTheScript();

        OfficeSurveysView monday = views.live(OFFICE, T0).orElseThrow();
        assertThat(monday.from()).isEqualTo(MONDAY);
        assertThat(monday.to()).isEqualTo(MONDAY);
        // r1, r2, r3: q1 5+3+1, q2 4+2; (15 − 5) / (5 × 4) × 100
        assertThat(monday.office().responses()).isEqualTo(3);
        assertThat(monday.office().questions()).containsExactly(
                Map.entry("q1", new Satisfaction.QuestionTotals(3, 9)),
                Map.entry("q2", new Satisfaction.QuestionTotals(2, 6)));
        assertThat(monday.office().mean()).hasValue(3.0);
        assertThat(monday.office().index()).hasValue(50.0);
        assertThat(monday.departments()).containsOnlyKeys("WK", "WSO");
        // WSO: r1, r2: (4 + 3 + 2) / 12; WK: r3: (0 + 1) / 8
        assertThat(monday.departments().get("WSO").responses()).isEqualTo(2);
        assertThat(monday.departments().get("WSO").index()).hasValue(75.0);
        assertThat(monday.departments().get("WK").index()).hasValue(12.5);
        assertThat(monday.channels()).containsOnlyKeys("KIOSK", "WEB");
        assertThat(monday.channels().get("KIOSK").responses()).isEqualTo(2);
        assertThat(monday.channels().get("KIOSK").index()).hasValue(50.0);
        assertThat(monday.channels().get("WEB").questions().get("q1").mean()).hasValue(3.0);

        OfficeSurveysView tuesday = views.day(OFFICE, TUESDAY).orElseThrow();
        // r4, r5: q1 4, q2 5+4, q3 2: (11) / (4 × 4) × 100
        assertThat(tuesday.office().responses()).isEqualTo(2);
        assertThat(tuesday.office().mean()).hasValue(3.75);
        assertThat(tuesday.office().index()).hasValue(68.75);
        assertThat(tuesday.departments()).containsOnlyKeys("WSO");
        assertThat(tuesday.departments().get("WSO").index().getAsDouble()).isCloseTo(700.0 / 12, within(1e-9));
        assertThat(tuesday.channels()).containsOnlyKeys("KIOSK", "PAPER");
    }

    @Test
    void shouldAddTheWeeksDaysRatherThanAverageThem() {
        postTheScript();

        OfficeSurveysView week = views.week(OFFICE, TUESDAY).orElseThrow();
        assertThat(week.from()).isEqualTo(MONDAY);
        assertThat(week.to()).isEqualTo(LocalDate.parse("2026-11-22"));
        // r1–r5: q1 5+3+1+4 = 13 of 4, q2 4+2+5+4 = 15 of 4, q3 2 of 1: (30 − 9) / 36 × 100, not (50 + 68.75) / 2
        assertThat(week.office().responses()).isEqualTo(5);
        assertThat(week.office().questions()).containsExactly(
                Map.entry("q1", new Satisfaction.QuestionTotals(4, 13)),
                Map.entry("q2", new Satisfaction.QuestionTotals(4, 15)),
                Map.entry("q3", new Satisfaction.QuestionTotals(1, 2)));
        assertThat(week.office().index().getAsDouble()).isCloseTo(2100.0 / 36, within(1e-9));
        // WSO: r1, r2, r5: 6 answers, sum 22: (22 − 6) / 24
        assertThat(week.departments().get("WSO").responses()).isEqualTo(3);
        assertThat(week.departments().get("WSO").index().getAsDouble()).isCloseTo(1600.0 / 24, within(1e-9));

        OfficeSurveysView next = views.week(OFFICE, LocalDate.parse("2026-11-29")).orElseThrow();
        assertThat(next.office().responses()).isEqualTo(1);
        assertThat(next.office().index()).hasValue(25.0);
    }

    @Test
    void shouldDeadLetterAScoreOutsideTheScaleWithItsReason() {
        postTheScript();

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(DeadLetterHeader.REASON.valueIn(dead.get(0).headers()))
                .isEqualTo("field \"scores.q1\" must be at most 5, was 6");
        assertThat(DeadLetterHeader.TOPIC.valueIn(dead.get(0).headers())).isEqualTo(Topics.SURVEY_EVENTS.name());
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldShowNothingForADayWithoutResponses() {
        OfficeSurveysView day = views.day(OFFICE, MONDAY).orElseThrow();
        assertThat(day.office()).isEqualTo(Satisfaction.NONE);
        assertThat(day.departments()).isEmpty();
        assertThat(day.channels()).isEmpty();
    }

    @Test
    void shouldKnowNoOfficeOutsideTheDirectoryWithoutResponses() {
        assertThat(views.day("UM-NONE", MONDAY)).isEmpty();
    }

    @Test
    void shouldKeepTheTopologyDescriptionPinned() throws IOException {
        PinnedTopology.assertPinned(SurveyTopology.build(SurveyConfig.defaults()), "surveys");
    }
}
