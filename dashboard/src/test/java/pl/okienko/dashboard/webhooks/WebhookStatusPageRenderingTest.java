package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.TestTemplates;
import pl.okienko.directory.Office;

/**
 * The status part of the administrator's webhook page (the fragment its polling fetches), in both
 * languages: an endpoint that is up to date, one that is retrying with its last error, since when
 * and when next (office-local times, ages as a person reads them), and the empty state that says
 * how to configure an endpoint.
 */
class WebhookStatusPageRenderingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:53:30Z");
    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final Map<String, Office> OFFICES = Map.of("UM-JED", Office.newBuilder().setOfficeId("UM-JED")
            .setName("Urząd Miejski w Jędrzejowie").setTimeZone("Europe/Warsaw").build());

    private final SpringTemplateEngine engine = TestTemplates.engine();

    @Test
    void anEndpointThatIsUpToDateShowsItsOfficeReceiverAndLastDeliveryInLocalTime() {
        List<WebhookStatusView> endpoints = List.of(upToDate());

        String english = render(endpoints, Locale.ENGLISH);
        assertThat(english).contains("data-testid=\"webhook-pager-jed\" data-state=\"OK\"", ">Up to date<",
                ">Urząd Miejski w Jędrzejowie (UM-JED)<", ">https://pager.example/hook<", ">Delivered since start<", ">12<",
                ">24.11 15:40, alert INCIDENT:UM-JED:i-7<", ">Failed attempts since start<", ">0<")
                .doesNotContain("status-alert", "webhook-failure", "Failing since", "Last failure");
        assertThat(render(endpoints, POLISH)).contains(">Na bieżąco<", ">Doręczono od uruchomienia<",
                ">24.11 15:40, alert INCIDENT:UM-JED:i-7<").doesNotContain("Up to date");
    }

    @Test
    void aRetryingEndpointIsMarkedWithItsLastErrorFailingSinceAndNextAttempt() {
        List<WebhookStatusView> endpoints = List.of(retrying(Instant.parse("2026-11-24T14:54:12Z")));

        String english = render(endpoints, Locale.ENGLISH);
        assertThat(english).contains("class=\"webhook-card status-alert\" data-testid=\"webhook-security-all\" data-state=\"RETRYING\"",
                "class=\"status-badge status-alert\"", ">Retrying<", ">Every office<",
                "data-testid=\"webhook-failure-security-all\"", ">Last error<", "<code>HTTP 503</code>", ">(24.11 15:53)<",
                ">Failing since<", ">24.11 15:41 (12:05 min ago)<", ">Next attempt<", ">15:54, in 42 s<",
                ">24.11 15:20, alert QUEUE_EXCESSIVE:UM-JED:A<", ">7<");
        assertThat(render(endpoints, POLISH)).contains(">Ponawia próby<", ">Wszystkie urzędy<", ">Ostatni błąd<",
                ">Nie doręcza od<", ">24.11 15:41 (12:05 min temu)<", ">Następna próba<", ">15:54, za 42 s<")
                .doesNotContain("Retrying", "Every office");
    }

    @Test
    void aRetryingEndpointWhoseAttemptIsDueSaysNowInsteadOfANegativeWait() {
        String english = render(List.of(retrying(Instant.parse("2026-11-24T14:53:20Z"))), Locale.ENGLISH);

        assertThat(english).contains(">Next attempt<", ">now<").doesNotContain(", in ");
    }

    @Test
    void anEndpointThatRecoveredStillShowsItsLastFailureQuietly() {
        WebhookDispatcher.Status recovered = new WebhookDispatcher.Status("pager-jed", "UM-JED", "https://pager.example/hook", true,
                13, 2, Instant.parse("2026-11-24T14:45:00Z"), "INCIDENT:UM-JED:i-8", "HTTP 500",
                Instant.parse("2026-11-24T14:30:05Z"), null, null);

        String english = render(List.of(WebhookStatusView.of(recovered, OFFICES, NOW)), Locale.ENGLISH);

        assertThat(english).contains(">Up to date<", ">Last failure, since recovered: HTTP 500 (24.11 15:30)<")
                .doesNotContain("status-alert", "Failing since");
        assertThat(render(List.of(WebhookStatusView.of(recovered, OFFICES, NOW)), POLISH))
                .contains(">Ostatni błąd, już ustąpił: HTTP 500 (24.11 15:30)<");
    }

    @Test
    void withoutEndpointsThePageSaysNoneIsConfiguredAndWhichPropertiesConfigureOne() {
        String english = render(List.of(), Locale.ENGLISH);

        assertThat(english).contains("data-testid=\"webhooks-none\"", ">No webhook endpoint is configured.<",
                ">To send alerts to a receiver, set these properties for each endpoint, numbered 0, 1, 2… "
                        + "(in application.properties, or as environment variables such as OKIENKO_WEBHOOKS_ENDPOINTS_0_URL), "
                        + "and restart the application:<",
                "<code>okienko.webhooks.endpoints[0].office-id=UM-JED</code>", ">the office whose alerts it receives; * for every office<",
                "<code>okienko.webhooks.endpoints[0].url=https://pager.example/hook</code>",
                "<code>okienko.webhooks.endpoints[0].secret=…</code>",
                "<code>okienko.webhooks.endpoints[0].types=INCIDENT</code>",
                "<code>okienko.webhooks.endpoints[0].id=pager</code>",
                "<code>okienko.webhooks.initial-backoff=1s</code>", "<code>okienko.webhooks.max-backoff=60s</code>")
                .doesNotContain("webhook-card");
        assertThat(render(List.of(), POLISH)).contains(">Nie skonfigurowano żadnego punktu odbioru webhooków.<",
                ">urząd, którego alerty otrzymuje; * dla wszystkich urzędów<",
                "<code>okienko.webhooks.endpoints[0].office-id=UM-JED</code>");
    }

    private static WebhookStatusView upToDate() {
        WebhookDispatcher.Status status = new WebhookDispatcher.Status("pager-jed", "UM-JED", "https://pager.example/hook", true,
                12, 0, Instant.parse("2026-11-24T14:40:00Z"), "INCIDENT:UM-JED:i-7", null, null, null, null);
        return WebhookStatusView.of(status, OFFICES, NOW);
    }

    private static WebhookStatusView retrying(Instant nextAttemptAt) {
        WebhookDispatcher.Status status = new WebhookDispatcher.Status("security-all", "*", "https://security.example/okienko", true,
                3, 7, Instant.parse("2026-11-24T14:20:00Z"), "QUEUE_EXCESSIVE:UM-JED:A", "HTTP 503",
                Instant.parse("2026-11-24T14:53:10Z"), Instant.parse("2026-11-24T14:41:25Z"), nextAttemptAt);
        return WebhookStatusView.of(status, OFFICES, NOW);
    }

    private String render(List<WebhookStatusView> endpoints, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("endpoints", endpoints);
        context.setVariable("fmt", new Display());
        return engine.process(WebhookPagesController.TEMPLATE, Set.of(WebhookPagesController.FRAGMENT), context);
    }
}
