package pl.okienko.dashboard.platform.kafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.streams.state.HostInfo;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.platform.security.InstanceSecretFilter;

/**
 * Asks another Okienko instance, over HTTP, to run a {@link StoreQuery} on the copies it holds
 * ({@link InstanceQueryController}), proving itself with the instances' shared secret.
 */
public final class PeerStoreQueries {

    static final String PATH = "/internal/v1/stores/%s/query";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String secret;
    private final Duration timeout;
    private final HttpClient http;

    public PeerStoreQueries(String secret, Duration timeout) {
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The peer's answer; {@link PeerUnavailableException} when it cannot be reached or does not answer 200. */
    <V> StoreAnswer<V> ask(HostInfo peer, String applicationId, StoreQuery query) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + PATH.formatted(applicationId));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(InstanceSecretFilter.HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(query)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PeerUnavailableException(peer + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while asking " + peer, e);
        }
        if (response.statusCode() != 200) {
            throw new PeerUnavailableException(peer + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8), null);
        }
        return JSON.readValue(response.body(), StoreAnswerWire.class).decode();
    }

    /** Another instance could not answer now; the caller tries the next copy of the partition. */
    static final class PeerUnavailableException extends RuntimeException {

        PeerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
