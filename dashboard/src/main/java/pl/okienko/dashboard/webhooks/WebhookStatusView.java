package pl.okienko.dashboard.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;

/**
 * One endpoint as the webhook status page shows it: its delivery status, the name and time zone of
 * its office (times on the page are that office's local times), and how long it has been failing
 * and how soon it is tried again, counted from the moment the page was made.
 *
 * @param status the dispatcher's status
 * @param officeName the office's name, or null for {@code *} and an office not in the directory
 * @param timeZone the office's time zone; Europe/Warsaw for {@code *} and an unknown office
 * @param failingForSeconds since {@code failingSince}; null when the endpoint is up to date
 * @param nextAttemptInSeconds until {@code nextAttemptAt}, 0 when it is due or under way; null when none is planned
 */
public record WebhookStatusView(WebhookDispatcher.Status status, String officeName, String timeZone,
        Double failingForSeconds, Double nextAttemptInSeconds) {

    /** True while a step is not yet delivered: the page marks the endpoint and says why and when next. */
    public boolean retrying() {
        return status.failingSince() != null;
    }

    /** The endpoint receives every office's alerts ({@code office-id=*}). */
    public boolean allOffices() {
        return "*".equals(status.officeId());
    }

    /**
     * @param offices the directory's offices by id; an office missing from it is shown by its id
     */
    public static WebhookStatusView of(WebhookDispatcher.Status status, Map<String, Office> offices, Instant now) {
        Office office = offices.get(status.officeId());
        OfficeInfo info = OfficeInfo.of(status.officeId(), office);
        Double failingFor = status.failingSince() == null ? null : seconds(status.failingSince(), now);
        Double nextIn = status.failingSince() == null || status.nextAttemptAt() == null ? null
                : seconds(now, status.nextAttemptAt());
        return new WebhookStatusView(status, office == null ? null : office.getName(), info.zone().getId(), failingFor,
                nextIn);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
