package pl.okienko.dashboard.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound webhooks (I1 and every other alert): under {@code okienko.webhooks.*}, e.g.
 * {@code okienko.webhooks.endpoints[0].office-id=UM-JED}, {@code ...url=https://pager.example/hook},
 * {@code ...secret=...}.
 *
 * @param endpoints the receivers
 * @param initialBackoff the wait after the first failed attempt; it doubles after every further failure
 * @param maxBackoff the longest wait between two attempts; at most five minutes, since the dispatcher's consumer
 *        waits on its own thread and must poll again within its group's poll interval
 */
@ConfigurationProperties("okienko.webhooks")
@Validated
public record WebhookProperties(
        List<@Valid Endpoint> endpoints,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") @DurationMax(minutes = 5) Duration maxBackoff) {

    public WebhookProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /**
     * One receiver of one office's alert steps.
     *
     * @param id names the endpoint in the status and its consumer group; defaults to officeId
     * @param officeId the office whose alerts it receives; {@code *} for every office
     * @param url where the steps are POSTed
     * @param secret the shared secret of the HMAC-SHA256 signature
     * @param types alert types to send (e.g. INCIDENT); empty sends all
     */
    public record Endpoint(String id, @NotBlank String officeId, @NotBlank String url, @NotBlank String secret,
            Set<String> types) {

        public Endpoint {
            types = types == null ? Set.of() : Set.copyOf(types);
            id = id == null || id.isBlank() ? officeId.replace('*', '_') : id;
        }

        boolean accepts(String office, String type) {
            return ("*".equals(officeId) || officeId.equals(office)) && (types.isEmpty() || types.contains(type));
        }
    }
}
