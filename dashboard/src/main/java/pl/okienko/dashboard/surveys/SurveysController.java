package pl.okienko.dashboard.surveys;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.dashboard.platform.web.LiveOrDay;
import pl.okienko.processors.surveys.OfficeSurveysView;
import pl.okienko.processors.surveys.Satisfaction;
import pl.okienko.processors.surveys.SurveyViews;

/**
 * Client satisfaction (S1) of an office: {@code GET /api/v1/offices/{officeId}/surveys}, today's figures and this
 * ISO week's, or with {@code date=YYYY-MM-DD} (the office's local date) that day's and its week's, or with
 * {@code from=&to=[&granularity=day|week|month]} a period's ({@link DaysAsked}). Same office scope as the other
 * read APIs.
 */
@RestController
public record SurveysController(SurveyViews views) {

    @GetMapping("/api/v1/offices/{officeId}/surveys")
    public Object surveys(@PathVariable String officeId, DaysAsked asked) {
        return LiveOrDay.view(officeId, asked, "survey responses",
                (id, now) -> surveys(id, views.today(id, now), true), (id, day, now) -> surveys(id, day, false),
                (id, period, rows, now) -> views.period(id, period, rows));
    }

    /** Empty when the office is unknown and has sent no response that week. */
    private Optional<OfficeSurveys> surveys(String officeId, LocalDate date, boolean live) {
        return views.week(officeId, date).map(week -> {
            OfficeSurveysView day = views.day(officeId, date)
                    .orElse(new OfficeSurveysView(officeId, date, date, Satisfaction.NONE, Map.of(), Map.of()));
            return new OfficeSurveys(officeId, date, live, OfficeSurveys.Period.of(day), OfficeSurveys.Period.of(week));
        });
    }
}
