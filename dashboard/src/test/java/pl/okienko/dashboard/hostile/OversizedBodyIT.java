package pl.okienko.dashboard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pl.okienko.dashboard.IntegrationTest;

/**
 * A batch over the 10 MB limit sent with its Content-Length is refused before it is read; its sender must
 * still see the 413 naming the limit. Tomcat closed the connection of an unread body over 2 MB (its
 * default swallow size) while the client was still sending, and the client saw a broken connection
 * instead of the answer, now and then (so the test sends several).
 */
class OversizedBodyIT extends IntegrationTest {

    private static final int SENDS = 6;

    @ParameterizedTest
    @ValueSource(ints = {11 * 1024 * 1024, 19 * 1024 * 1024})
    void shouldAnswer413ToEveryBatchOverTheLimitSentWithItsLength(int size) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String line = ticketIssued(unique("big"), TOWN, "qmatic-1", "Z001") + "\n";
        byte[] body = line.repeat(size / line.length() + 1).getBytes(StandardCharsets.UTF_8);
        List<String> answers = new ArrayList<>();

        for (int i = 0; i < SENDS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                    .header("X-Api-Key", TOWN_KEY).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(response.statusCode() + " " + response.body());
            } catch (IOException e) {
                answers.add("no answer: " + e);
            }
        }

        assertThat(answers).hasSize(SENDS).allSatisfy(answer ->
                assertThat(answer).startsWith("413 ").contains("at most 10 MB"));
    }
}
