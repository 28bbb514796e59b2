package pl.okienko.processors.surveys;

import java.time.LocalDate;
import java.util.Map;

/**
 * One office's client satisfaction (S1) over a period of office-local days: the office, each department and
 * each channel.
 *
 * @param officeId the office
 * @param from the first day
 * @param to the last day (the same as {@code from} for a day view)
 * @param office every response of the office
 * @param departments department id → its responses (those that named a department)
 * @param channels channel name → its responses
 */
public record OfficeSurveysView(String officeId, LocalDate from, LocalDate to, Satisfaction office,
        Map<String, Satisfaction> departments, Map<String, Satisfaction> channels) {
}
