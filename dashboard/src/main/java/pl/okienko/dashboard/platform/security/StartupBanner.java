package pl.okienko.dashboard.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.config.OkienkoProperties;

/**
 * Prints, once the web server listens, where the dashboard is and any credentials generated because
 * none were configured, in one block a newcomer cannot miss (a live office within a minute).
 */
@Component
public class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Accounts accounts;
    private final OkienkoProperties properties;

    public StartupBanner(Accounts accounts, OkienkoProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        String url = "http://localhost:" + event.getWebServer().getPort() + "/";
        StringBuilder block = new StringBuilder(System.lineSeparator())
                .append("==================================================================").append(System.lineSeparator())
                .append("  Okienko").append(properties.demo().enabled() ? " (demo)" : "").append(" is running: ").append(url)
                .append(System.lineSeparator());
        if (!accounts.generated().isEmpty()) {
            block.append("  Generated credentials (configure okienko.security.users / okienko.api-keys to choose your own):")
                    .append(System.lineSeparator());
            accounts.generated().forEach(line -> block.append("    ").append(line).append(System.lineSeparator()));
        }
        if (accounts.apiKeys().isEmpty()) {
            block.append("  No API keys configured (okienko.api-keys): POST /api/v1/events accepts no events.")
                    .append(System.lineSeparator());
        }
        block.append("==================================================================");
        LOG.info("{}", block);
    }
}
