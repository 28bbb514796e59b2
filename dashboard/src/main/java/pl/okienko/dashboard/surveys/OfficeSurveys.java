package pl.okienko.dashboard.surveys;

import java.time.LocalDate;
import java.util.Map;

import pl.okienko.processors.surveys.OfficeSurveysView;

/**
 * An office's client satisfaction (S1) as {@code GET /api/v1/offices/{officeId}/surveys} answers: one office-local
 * day and the ISO week holding it (the week's days' counts and sums added).
 *
 * @param officeId the office
 * @param date the day shown
 * @param live whether that day is today (no {@code date} asked for)
 * @param day the day's figures
 * @param week the ISO week's figures, Monday to Sunday
 */
public record OfficeSurveys(String officeId, LocalDate date, boolean live, Period day, Period week) {

    /** One period's figures: the office, each department (responses that named one) and each channel. */
    public record Period(LocalDate from, LocalDate to, SatisfactionFigures office,
            Map<String, SatisfactionFigures> departments, Map<String, SatisfactionFigures> channels) {

        static Period of(OfficeSurveysView view) {
            return new Period(view.from(), view.to(), SatisfactionFigures.of(view.office()),
                    SatisfactionFigures.of(view.departments()), SatisfactionFigures.of(view.channels()));
        }
    }
}
