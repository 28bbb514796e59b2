package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.kafka.BackOffs;

/**
 * A dispatcher whose consumer fails (here: no cluster answers) keeps trying with backoff and says so
 * in its status, instead of ending delivery until someone restarts Okienko.
 */
class WebhookDispatcherTest {

    @Test
    void shouldKeepRetryingWhenItsConsumerFailsAndShowWhy() throws Exception {
        Map<String, Object> unreachable = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 500,
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 400);
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint("pager", "UM-JED", "http://127.0.0.1:1/hook",
                "secret", Set.of());
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(endpoint,
                BackOffs.doubling(Duration.ofMillis(100), Duration.ofMillis(200)), unreachable).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.status().lastErrorAt() != null);
            Instant firstError = dispatcher.status().lastErrorAt();

            assertThat(dispatcher.status().state()).isEqualTo("RETRYING");
            assertThat(dispatcher.status().lastError()).contains("Timeout");
            assertThat(dispatcher.status().nextAttemptAt()).isNotNull();
            await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.status().lastErrorAt().isAfter(firstError));
            assertThat(dispatcher.status().failingSince()).isBeforeOrEqualTo(firstError);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
