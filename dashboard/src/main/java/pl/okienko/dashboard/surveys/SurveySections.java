package pl.okienko.dashboard.surveys;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.dashboard.platform.web.LivePanelSection;
import pl.okienko.dashboard.platform.web.OverviewSection;
import pl.okienko.processors.surveys.OfficeSurveysView;
import pl.okienko.processors.surveys.Satisfaction;
import pl.okienko.processors.surveys.SurveyViews;

/** The client satisfaction (S1) parts of the office pages: the live panel and the day report. */
@Configuration(proxyBeanMethods = false)
public class SurveySections {

    /**
     * The satisfaction part of an office's live panel: variables {@code surveys} and {@code surveysFigures} for
     * {@code surveys/panel}, pushed over SSE with the rest of the panel; shown once today has a response.
     */
    @Bean
    LivePanelSection surveysPanelSection(SurveyViews views) {
        return LivePanelSection.of("surveys", views::live, view -> view.office().responses() > 0,
                SurveySections::figures);
    }

    /**
     * The satisfaction part of the day report: variable {@code surveysDay}, that day's responses per office,
     * department and channel, when the day had any.
     */
    @Bean
    DayReportSection surveysDaySection(SurveyViews views) {
        return DayReportSection.of("surveysDay", (officeId, date, now) -> views.day(officeId, date),
                view -> view.office().responses() > 0);
    }

    /**
     * The satisfaction row of the region overview (S1): today's index with its answers and the responses; no data
     * before today's first response. S1 sets no target, so the row is never red or amber.
     */
    @Bean
    OverviewSection surveysOverview(SurveyViews views) {
        return OverviewSection.of(Concern.SATISFACTION, views::live, view -> view.office().responses() > 0,
                view -> List.of(KeyFigure.of("overview.figure.index", null, index(view.office())),
                        KeyFigure.count("overview.figure.responses", null, view.office().responses())));
    }

    /** Today's responses and satisfaction index with the answers behind it (S1). */
    public static List<KeyFigure> figures(OfficeSurveysView surveys) {
        return List.of(
                KeyFigure.count("surveys.responsesToday", "surveys-responses", surveys.office().responses()),
                KeyFigure.of("surveys.indexToday", "surveys-index", index(surveys.office())));
    }

    /** The index to one decimal with its number of answers, e.g. "58.3 (n = 9)"; a dash without an answer. */
    public static String index(Satisfaction s) {
        return s.index().isPresent()
                ? String.format(Locale.ROOT, "%.1f (n = %d)", s.index().getAsDouble(), s.answers())
                : "–";
    }
}
