package pl.okienko.processors.surveys;

import java.time.Duration;

import pl.okienko.processors.common.OfficeEventProcessor;

/**
 * Settings of the survey topology (S1).
 *
 * @param dedupeRetention how long an eventId is remembered to drop redeliveries
 */
public record SurveyConfig(Duration dedupeRetention) implements OfficeEventProcessor.Settings {

    public static SurveyConfig defaults() {
        return new SurveyConfig(Duration.ofDays(7));
    }
}
