package pl.okienko.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Health and metrics endpoints operators scrape. */
class HealthIT extends IntegrationTest {

    @Test
    void healthIsUpWithBothTopologiesRunning() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/health", "admin", "admin-password");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"kafkaStreams\"")
                    .contains("\"okienko-queues\":\"RUNNING\"").contains("\"okienko-alerts\":\"RUNNING\"");
        });
    }

    @Test
    void healthIsPublicWithoutDetails() {
        HttpResponse<String> response = get("/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("okienko-queues");
    }

    @Test
    void prometheusServesKafkaStreamsMetrics() {
        HttpResponse<String> response = get("/actuator/prometheus", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("kafka_stream");
    }
}
