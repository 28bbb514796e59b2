package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.kafka.BackOffs;

/**
 * A dispatcher whose cluster does not answer says so in its status, and delivers nothing, until the
 * cluster gives its consumer the alert partitions.
 */
class WebhookDispatcherTest {

    @Test
    void shouldSayItIsConnectingWhileNoClusterAnswers() throws Exception {
        Map<String, Object> unreachable = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 500,
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 400);
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint("pager", "UM-JED", "http://127.0.0.1:1/hook",
                "secret", Set.of());
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(endpoint,
                BackOffs.doubling(Duration.ofMillis(100), Duration.ofMillis(200)), unreachable).start()) {

            assertThat(dispatcher.awaitReady(Duration.ofSeconds(3))).isFalse();

            WebhookDispatcher.Status status = dispatcher.status();
            assertThat(status.state()).isEqualTo("CONNECTING");
            assertThat(status.connected()).isFalse();
            assertThat(status.delivered()).isZero();
            assertThat(status.failedAttempts()).isZero();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
